import { LABELS } from '../shared/comment';
import { describeCue } from '../shared/cues';
import type { Settings } from '../shared/settings';
import { INTERNAL_TACTICS, type OwnReply, suggestReplies, textLanguage, topicOf } from '../tactics/replies';
import type { Tactic } from '../tactics/rules';
import { IntensityLevel } from '../ui/IntensityLevel';
import { t, uiLanguage } from '../ui/i18n';
import { LabelChip } from '../ui/LabelChip';
import { ShieldedText } from '../ui/ShieldedText';
import { isShielded } from '../ui/shield';
import { tacticHow, tacticName } from '../ui/tactics';
import type { PopupModel, QueueComment } from './model';

interface Props {
  comment: QueueComment;
  model: PopupModel;
  settings: Settings;
  ownReplies: readonly OwnReply[];
}

/**
 * One comment of the queue: a single line (label, level, author, the start of the text) that opens on
 * the why, the tactics with replies that fit, and what the CM did. A handled comment stays where it is,
 * marked, with "Next".
 */
export function QueueItem({ comment, model, settings, ownReplies }: Props) {
  const { key, classification } = comment;
  const open = model.expanded.value === key;
  const handled = model.isHandled(comment);
  // As the settings and the service worker say, and revealed at once when the CM reveals it here.
  const shielded = isShielded(key, model.isShielded(comment));
  const outcome = model.outcomes.value[key];
  const topic = topicOf(classification.cues);
  const values = {
    brand: settings.brandNames[0] ?? '',
    name: comment.authorName,
    link: comment.permalink ?? '',
    platform: comment.platform,
  };
  const detailId = `detail-${key}`;

  const tacticRow = (tactic: Tactic) => {
    const suggestions = suggestReplies({
      tactic,
      language: textLanguage(tactic, classification.lang, uiLanguage.value),
      tone: settings.tone,
      topic,
      values,
      own: ownReplies,
    });
    const shown = suggestions[model.wordingOf(key, tactic) % Math.max(1, suggestions.length)];
    return (
      <li key={tactic} data-tactic={tactic}>
        <strong>{tacticName(tactic)}</strong> <span class="muted">{tacticHow(tactic, comment.platform)}</span>
        {shown && (
          <p class="reply">
            {shown.text}
            {shown.own && <span class="own"> ({t('replyYours')})</span>}
          </p>
        )}
        <div class="buttons">
          {shown && (
            <button type="button" onClick={() => model.copy(key, shown.text)}>
              {t('cardCopy')}
            </button>
          )}
          {shown && !INTERNAL_TACTICS.includes(tactic) && (
            <button type="button" onClick={() => model.insert(key, shown.text)}>
              {t('cardInsert')}
            </button>
          )}
          {suggestions.length > 1 && (
            <button type="button" onClick={() => model.otherWording(key, tactic, suggestions.length)}>
              {t('actionOtherWording')}
            </button>
          )}
          <button type="button" onClick={() => model.log(key, tactic)}>
            {t('actionDone')}
          </button>
        </div>
      </li>
    );
  };

  return (
    <li
      class={handled ? 'queue-item handled' : 'queue-item'}
      data-key={key}
      data-label={classification.label}
      data-handled={handled}
    >
      <button
        type="button"
        class="line"
        aria-expanded={open}
        aria-controls={detailId}
        onClick={() => model.toggle(key)}
      >
        <LabelChip label={classification.label} />
        <IntensityLevel intensity={classification.intensity} uncertain={classification.uncertain} />
        <bdi class="author">{comment.authorName || comment.authorHandle}</bdi>
        {handled && <span class="mark">{t('queueHandled')}</span>}
        {!handled && comment.answered && <span class="mark">{t('popupAnswered')}</span>}
        {comment.text !== null && (
          <span class={shielded ? 'glimpse shielded' : 'glimpse'} aria-hidden={shielded}>
            {comment.text.slice(0, 120)}
          </span>
        )}
      </button>
      {open && (
        <div class="detail" id={detailId}>
          {comment.text !== null && (
            <ShieldedText
              commentKey={key}
              shielded={model.isShielded(comment)}
              text={comment.text.slice(0, 400)}
              onRevealed={model.refresh}
            />
          )}
          {classification.cues.length > 0 && (
            // While the comment is shielded the cues say why without quoting it.
            <p class="muted cues">
              {t(
                'cuesWhy',
                classification.cues
                  .map((cue) => describeCue(cue, (k, subs) => t(k, subs), shielded))
                  .join(' · '),
              )}
            </p>
          )}
          <ol class="tactics">{comment.tactics.map(tacticRow)}</ol>
          <div class="buttons">
            {classification.label === 'threat' && (
              <button type="button" class="escalate" onClick={() => model.escalate(key)}>
                {t('actionEscalate')}
              </button>
            )}
            <button type="button" onClick={() => model.log(key, 'no_action')}>
              {t('actionNothing')}
            </button>
            <button type="button" onClick={() => model.showInPage(key)}>
              {t('popupShowInPage')}
            </button>
          </div>
          <details class="corrections">
            <summary>{t('cardCorrect')}</summary>
            <div class="buttons">
              {LABELS.filter((label) => label !== classification.label).map((label) => (
                <button
                  type="button"
                  key={label}
                  data-correct-to={label}
                  onClick={() => model.correct(key, label)}
                >
                  {t(`cardCorrectTo_${label}`)}
                </button>
              ))}
            </div>
          </details>
          {comment.actions.length > 0 && (
            <p class="muted" data-testid="logged-actions">
              {t('popupLogged', comment.actions.map(tacticName).join(', '))}
            </p>
          )}
          <p class="status" role="status">
            {outcome?.map((key) => t(key)).join(' ')}
          </p>
          {handled && (
            <button type="button" class="next" onClick={() => model.next(key)}>
              {t('queueNext')}
            </button>
          )}
        </div>
      )}
    </li>
  );
}
