/**
 * The card of one comment, built only while it is open: why (the cues, without the comment's words while
 * it is shielded), the tactics with their ready replies, corrections, escalation. Each button's
 * confirmation shows in the row of that button. Every piece of comment-derived text is text, never markup.
 */

import { LABELS, type Label } from '../../shared/comment';
import { describeCue } from '../../shared/cues';
import { LABEL_STYLE } from '../../shared/labels';
import { type ActionChoice, describeEscalation, type EscalationResult } from '../../tactics/messages';
import { INTERNAL_TACTICS, suggestReplies, textLanguage, topicOf } from '../../tactics/replies';
import type { Tactic } from '../../tactics/rules';
import { intensityWords, tc } from '../i18n';
import type { CardSpot } from './geometry';
import type { OverlayComment, OverlayModel } from './model';

export const CARD_ID = 'desaffect-card';

/**
 * Words the card shows, drawn by the stylesheet (`[data-say]::before`) rather than as text: the page's
 * `window.find` searches the text of closed shadow roots too, so a label, a cue or a tactic in a text node
 * would tell the page what the open card says of the comment the CM clicked, and any word that a card is
 * open. Generated content is not searched, and screen readers read it; buttons and headings also carry it
 * as their name. The card holds no text node with a letter in it.
 */
export function Say({ text }: { text: string }) {
  return <span data-say={text} />;
}

/** The props of a button or heading whose words are `text`: those words, and the same as its name. */
function named(text: string) {
  return { 'aria-label': text, children: <Say text={text} /> };
}

export interface BadgeActions {
  copy(text: string): Promise<boolean>;
  /** Writes the reply into that comment's reply box; says what happened, in a message key. */
  insert(key: string, text: string): Promise<string>;
  log(key: string, choice: ActionChoice): Promise<boolean>;
  /** The evidence record kept, or null when the service worker could not be reached. */
  escalate(key: string): Promise<EscalationResult | null>;
  reveal(key: string): void;
  /** The CM's own label for the comment: the device learns from it. */
  correct(key: string, to: Label): Promise<boolean>;
}

interface CardProps {
  comment: OverlayComment;
  spot: CardSpot;
  model: OverlayModel;
  actions: BadgeActions;
}

export function Card({ comment, spot, model, actions }: CardProps) {
  const { key, verdict, shielded } = comment;
  const { classification } = verdict;
  const settings = model.settings.value;
  const confirmation = model.confirmation.value;
  /** The message after a button, in the row (`slot`) of that button. */
  const status = (slot: string) => (
    <p class="status" role="status">
      {confirmation?.key === key && confirmation.slot === slot && (
        // A new element for each message, so that screen readers announce it.
        <Say key={confirmation.text} text={confirmation.text} />
      )}
    </p>
  );
  const run = (slot: string, action: () => Promise<string> | string) => {
    void Promise.resolve(action()).then((text) => {
      model.confirmation.value = { key, slot, text };
    });
  };
  const done = (ok: boolean, success: string) => tc(ok ? success : 'cardFailed');
  const topic = topicOf(classification.cues);

  const tactic = (choice: Tactic) => {
    const slot = `tactic:${choice}`;
    // The first of the replies the popup suggests: the CM's own first, then those that fit the topic.
    const reply =
      suggestReplies({
        tactic: choice,
        language: textLanguage(choice, classification.lang, settings.interfaceLanguage),
        tone: settings.tone,
        topic,
        values: {
          brand: settings.brand,
          name: comment.authorName,
          link: comment.permalink ?? '',
          platform: comment.platform,
        },
        own: settings.ownReplies,
      })[0]?.text ?? null;
    return (
      <li key={choice}>
        <strong>
          <Say text={tc(`tacticName_${choice}`)} />
        </strong>{' '}
        — <Say text={tc(choice === 'hide' ? `tacticHow_hide_${comment.platform}` : `tacticHow_${choice}`)} />
        {reply !== null && (
          <p class="reply">
            <Say text={reply} />
          </p>
        )}
        <div class="row">
          {reply !== null && (
            <button
              type="button"
              {...named(tc('cardCopy'))}
              onClick={() =>
                run(slot, async () => tc((await actions.copy(reply)) ? 'cardCopied' : 'cardCopyFailed'))
              }
            />
          )}
          {reply !== null && !INTERNAL_TACTICS.includes(choice) && (
            <button
              type="button"
              {...named(tc('cardInsert'))}
              onClick={() => run(slot, async () => tc(await actions.insert(key, reply)))}
            />
          )}
          <button
            type="button"
            {...named(tc('actionDone'))}
            onClick={() => run(slot, async () => done(await actions.log(key, choice), 'cardLogged'))}
          />
          {status(slot)}
        </div>
      </li>
    );
  };

  const { messageKey } = LABEL_STYLE[classification.label];
  const placement = {
    left: `${spot.left}px`,
    width: `${spot.width}px`,
    maxHeight: `${spot.maxHeight}px`,
    ...(spot.top === null ? { bottom: `${spot.bottom}px` } : { top: `${spot.top}px` }),
  };
  return (
    <section class="card" id={CARD_ID} data-key={key} aria-labelledby={`${CARD_ID}-title`} style={placement}>
      <h2 id={`${CARD_ID}-title`} {...named(tc('cardTitle'))} />
      <p class="muted">
        <Say text={tc(messageKey)} /> ·{' '}
        <span title={tc('intensityExplained')}>
          <Say text={intensityWords(classification.intensity)} />
        </span>
        {classification.uncertain && <Say text={` · ${tc('badgeUncertain')}`} />}
      </p>
      {shielded && (
        <div class="row">
          <span class="muted">
            <Say text={tc('cardShielded')} />
          </span>
          <button
            type="button"
            class="show"
            {...named(tc('badgeShow'))}
            onClick={() => actions.reveal(key)}
          />
        </div>
      )}
      {classification.cues.length > 0 && (
        <>
          <h3 {...named(tc('cardWhy'))} />
          <ul>
            {classification.cues.map((cue, i) => (
              <li key={`${cue.kind}:${i}`}>
                <Say text={describeCue(cue, (k, subs = []) => tc(k, ...subs), shielded)} />
              </li>
            ))}
          </ul>
        </>
      )}
      {verdict.tactics.length > 0 && (
        <>
          <h3 {...named(tc('cardTactics'))} />
          <ol>{verdict.tactics.map(tactic)}</ol>
        </>
      )}
      <h3 {...named(tc('cardCorrect'))} />
      <div class="row">
        {LABELS.map((label) => {
          const current = label === classification.label;
          return (
            <button
              type="button"
              key={label}
              data-correct-to={label}
              aria-pressed={current}
              {...named(tc(`cardCorrectTo_${label}`))}
              onClick={() =>
                current ||
                run('correct', async () => done(await actions.correct(key, label), 'cardCorrected'))
              }
            />
          );
        })}
        {status('correct')}
      </div>
      <div class="row">
        {classification.label === 'threat' && (
          <button
            type="button"
            class="escalate"
            {...named(tc('actionEscalate'))}
            onClick={() =>
              run('footer', async () => {
                const result = await actions.escalate(key);
                return result ? describeEscalation(result, tc) : tc('cardFailed');
              })
            }
          />
        )}
        <button
          type="button"
          {...named(tc('actionNothing'))}
          onClick={() => run('footer', async () => done(await actions.log(key, 'no_action'), 'cardLogged'))}
        />
        {status('footer')}
      </div>
    </section>
  );
}

/** The card of the comment the CM opened, where the layout placed it; nothing while none is open. */
export function OpenCard({ model, actions }: { model: OverlayModel; actions: BadgeActions }) {
  const key = model.openKey.value;
  const spot = model.cardSpot.value;
  const drawn = key === null ? undefined : model.drawn.value.find((d) => d.comment.key === key);
  return drawn && spot ? <Card comment={drawn.comment} spot={spot} model={model} actions={actions} /> : null;
}
