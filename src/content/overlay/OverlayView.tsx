/**
 * Everything the overlay draws, from the model: a shield panel over the words of each shielded comment on
 * screen, the badges (one in the Tab order, arrow keys move between them), the open card, and the ring
 * around a comment the popup asked to show.
 */
import type { Label } from '../../shared/comment';
import { LABEL_STYLE } from '../../shared/labels';
import { tc } from '../i18n';
import { type BadgeActions, CARD_ID, Card } from './Card';
import type { Rect } from './geometry';
import type { Drawn, OverlayModel } from './model';

const place = (rect: Rect) => ({
  transform: `translate(${rect.left}px, ${rect.top}px)`,
  width: `${rect.right - rect.left}px`,
  height: `${rect.bottom - rect.top}px`,
});

/** The badge's short word for each label (the card and the accessible name say it in full). */
const BADGE_WORD: Readonly<Record<Label, string>> = {
  threat: 'labelThreat',
  troll: 'labelTroll',
  unhappy_customer: 'badgeCustomer',
  neutral: 'labelNeutral',
};

/** The shield's caption shows only where the panel has room for a line of text. */
const CAPTION_MIN_HEIGHT = 24;

export function OverlayView({ model, actions }: { model: OverlayModel; actions: BadgeActions }) {
  const drawn = model.drawn.value;
  const badges = drawn.filter((d) => d.badge !== null);
  const current = model.currentKey.value;
  const tabbable = badges.some((d) => d.comment.key === current) ? current : (badges[0]?.comment.key ?? null);
  const openKey = model.openKey.value;
  const open = badges.find((d) => d.comment.key === openKey);
  const spot = model.cardSpot.value;
  const ring = model.ring.value;
  return (
    <>
      {drawn.map(
        ({ comment, shield }) =>
          shield && (
            <div key={`shield:${comment.key}`} class="shield" data-key={comment.key} style={place(shield)}>
              {shield.bottom - shield.top >= CAPTION_MIN_HEIGHT && <span>{tc('badgeShieldCaption')}</span>}
            </div>
          ),
      )}
      {ring && <div class="ring" style={place(ring)} />}
      {badges.length > 0 && (
        <div role="toolbar" aria-label="Desaffect" aria-orientation="vertical">
          {badges.map((d) => (
            <Badge
              key={d.comment.key}
              drawn={d}
              tabbable={d.comment.key === tabbable}
              expanded={d.comment.key === openKey}
              model={model}
            />
          ))}
        </div>
      )}
      {open && spot && <Card comment={open.comment} spot={spot} model={model} actions={actions} />}
    </>
  );
}

function Badge({
  drawn,
  tabbable,
  expanded,
  model,
}: {
  drawn: Drawn;
  tabbable: boolean;
  expanded: boolean;
  model: OverlayModel;
}) {
  const { comment, badge } = drawn;
  const { label, intensity, uncertain } = comment.verdict.classification;
  const { icon, colour, messageKey } = LABEL_STYLE[label];
  const words = `${tc('badgeWords', tc(BADGE_WORD[label]), String(Math.round(intensity * 100)))}${uncertain ? ' ?' : ''}`;
  const more = [
    BADGE_WORD[label] === messageKey ? null : tc(messageKey),
    uncertain ? tc('badgeUncertain') : null,
    tc('badgeAria'),
  ].filter((part) => part !== null);
  return (
    <button
      type="button"
      class="badge"
      data-key={comment.key}
      data-label={label}
      tabIndex={tabbable ? 0 : -1}
      aria-expanded={expanded}
      aria-controls={expanded ? CARD_ID : undefined}
      // The accessible name starts with the words on the badge.
      aria-label={`${words} — ${more.join('. ')}`}
      style={{ background: colour, transform: `translate(${badge?.x ?? 0}px, ${badge?.y ?? 0}px)` }}
      onFocus={() => {
        model.currentKey.value = comment.key;
      }}
      onClick={() => {
        model.openKey.value = expanded ? null : comment.key;
      }}
    >
      <span aria-hidden="true">{icon}</span>
      <span class="words">{words}</span>
    </button>
  );
}
