import { useState } from 'preact/hooks';
import { LABELS, type Label } from '../shared/comment';
import { describeCue } from '../shared/cues';
import type { Settings } from '../shared/settings';
import { shouldShield } from '../shared/shield';
import { PLATFORM_NAMES } from '../shared/sites';
import { type ActionChoice, describeEscalation } from '../tactics/messages';
import { readyReply, replyLanguage } from '../tactics/replies';
import type { Tactic } from '../tactics/rules';
import { ask, type Reply, tellTab } from '../ui/client';
import { t } from '../ui/i18n';
import { LabelChip } from '../ui/LabelChip';
import { ShieldedText } from '../ui/ShieldedText';
import { isShielded } from '../ui/shield';

interface Props {
  comment: Reply<'ui→bg:tab-comments'>['comments'][number];
  tabId: number;
  settings: Settings;
  onChanged: () => void;
}

/** One flagged comment in the popup: who, why, and the tactics with their ready replies. */
export function FlaggedComment({ comment, tabId, settings, onChanged }: Props) {
  const [status, setStatus] = useState('');
  const { classification } = comment;
  const language = replyLanguage(classification.lang, document.documentElement.lang);
  const values = {
    brand: settings.brandNames[0] ?? '',
    name: comment.authorName,
    link: comment.permalink ?? '',
    platform: comment.platform,
  };

  const run = async (action: () => Promise<string>) => {
    try {
      setStatus(await action());
    } catch {
      setStatus(t('cardFailed'));
    }
  };
  const log = (choice: ActionChoice) =>
    run(async () => {
      await ask({ type: 'ui→bg:log-action', commentKey: comment.key, tactic: choice });
      onChanged();
      return t('cardLogged');
    });
  const copy = (text: string) =>
    run(async () => {
      await navigator.clipboard.writeText(text);
      return t('cardCopied');
    });
  const insert = (text: string) =>
    run(async () => {
      const { inserted } = await tellTab(tabId, { type: 'ui→cs:insert-reply', text });
      return t(inserted ? 'cardInserted' : 'cardNoReplyBox');
    });
  const escalate = () =>
    run(async () => {
      const result = await ask({ type: 'ui→bg:escalate', commentKey: comment.key, tabId });
      onChanged();
      return describeEscalation(result, t);
    });
  // Shielded in the page, shielded here: the popup must not show what the CM chose not to see yet.
  const levelShields = shouldShield(
    settings.shield[classification.label],
    classification.intensity,
    comment.revealed,
  );
  const shielded = isShielded(comment.key, levelShields);
  const correct = (to: Label) =>
    run(async () => {
      const result = await ask({ type: 'ui→bg:correct-label', commentKey: comment.key, to });
      if (!result.ok) return t(result.reason === 'no_text' ? 'cardCorrectNoText' : 'cardFailed');
      onChanged();
      return t('cardCorrected');
    });
  const showInPage = () =>
    run(async () => {
      const { found } = await tellTab(tabId, { type: 'ui→cs:show-comment', commentKey: comment.key });
      return found ? '' : t('popupNotOnScreen');
    });

  // The best tactic is open; the others are one click away, so the list stays short to scan.
  const tacticRow = (tactic: Tactic, index: number) => {
    const reply = readyReply(tactic, language, values, settings.replyTemplates);
    return (
      <li key={tactic} data-tactic={tactic}>
        <details open={index === 0}>
          <summary>
            <strong>{t(`tactic_${tactic}`)}</strong>
          </summary>
          <span class="muted">{t(`tacticHint_${tactic}`, PLATFORM_NAMES[comment.platform])}</span>
          {reply !== null && <p class="reply">{reply}</p>}
          <div class="buttons">
            {reply !== null && (
              <button type="button" onClick={() => copy(reply)}>
                {t('cardCopy')}
              </button>
            )}
            {reply !== null && tactic !== 'share_colleague' && tactic !== 'escalate' && (
              <button type="button" onClick={() => insert(reply)}>
                {t('cardInsert')}
              </button>
            )}
            <button type="button" onClick={() => log(tactic)}>
              {t('cardDidThis')}
            </button>
          </div>
        </details>
      </li>
    );
  };

  return (
    <li class="flagged-item" data-key={comment.key} data-label={classification.label}>
      <div class="meta">
        <LabelChip label={classification.label} />
        <span class="muted">{Math.round(classification.intensity * 100)}%</span>
        {classification.uncertain && <span class="muted">{t('badgeUncertain')}</span>}
        <bdi class="author">{comment.authorName || comment.authorHandle}</bdi>
        {comment.answered && <span class="done">{t('popupAnswered')}</span>}
      </div>
      {comment.text !== null && (
        <ShieldedText
          commentKey={comment.key}
          shielded={levelShields}
          text={comment.text.slice(0, 400)}
          onRevealed={onChanged}
        />
      )}
      {classification.cues.length > 0 && (
        // While shielded, the cues say why without quoting the comment's words.
        <p class="muted cues">
          {t('cardWhy')}:{' '}
          {classification.cues
            .map((cue) => describeCue(cue, (key, subs) => t(key, subs ? [...subs] : undefined), shielded))
            .join(' · ')}
        </p>
      )}
      <ol class="tactics">{comment.tactics.map(tacticRow)}</ol>
      <div class="buttons">
        {classification.label === 'threat' && (
          <button type="button" class="escalate" onClick={escalate}>
            {t('cardEscalate')}
          </button>
        )}
        <button type="button" onClick={() => log('no_action')}>
          {t('cardNoAction')}
        </button>
        <button type="button" onClick={showInPage}>
          {t('popupShowInPage')}
        </button>
      </div>
      <div class="buttons corrections">
        <span class="muted">{t('cardCorrect')}</span>
        {LABELS.filter((label) => label !== classification.label).map((label) => (
          <button type="button" key={label} data-correct-to={label} onClick={() => correct(label)}>
            {t(`cardCorrectTo_${label}`)}
          </button>
        ))}
      </div>
      {comment.actions.length > 0 && (
        <p class="muted" data-testid="logged-actions">
          {t('popupDone')}: {comment.actions.map((action) => t(`tactic_${action}`)).join(', ')}
        </p>
      )}
      <p class="status" role="status">
        {status}
      </p>
    </li>
  );
}
