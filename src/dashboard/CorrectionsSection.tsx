import { formatDateTime } from '../ui/format';
import { t, tn } from '../ui/i18n';
import { LabelChip } from '../ui/LabelChip';
import { ShieldedText } from '../ui/ShieldedText';
import { useReply } from '../ui/useReply';

/**
 * The CM's corrections: what they said and how often the classifier now agrees with them on corrections
 * it did not learn from (the settings can make it forget). Texts stay blurred until revealed, as elsewhere.
 */
export function CorrectionsSection() {
  const { reply, failed } = useReply({ type: 'ui→bg:corrections' });
  if (failed) return <p role="status">{t('popupUnavailable')}</p>;
  if (!reply) return null;
  const { corrections, learning, agreement } = reply;
  return (
    <div class="corrections">
      <p class="muted">{t('correctionsHelp')}</p>
      {corrections.length === 0 ? (
        <p>{t('correctionsNone')}</p>
      ) : (
        <>
          <p data-testid="corrections-learning">{t('correctionsLearning', String(learning))}</p>
          {agreement.measured > 0 && (
            <p data-testid="corrections-agreement">
              {tn('correctionsAgreement', agreement.adjustedAgrees, [
                String(agreement.adjustedAgrees),
                String(agreement.measured),
                String(agreement.modelAgrees),
              ])}
            </p>
          )}
          <ul class="plain">
            {corrections.map((c) => (
              <li key={c.commentKey} data-correction={c.commentKey}>
                <LabelChip label={c.from} /> → <LabelChip label={c.to} />{' '}
                <span class="muted">{formatDateTime(c.at)}</span>
                {c.text !== null && (
                  <ShieldedText
                    commentKey={c.commentKey}
                    shielded={!c.revealed && c.to !== 'neutral'}
                    text={c.text.slice(0, 200)}
                  />
                )}
              </li>
            ))}
          </ul>
          <p class="muted">
            <a href="#settings">{t('correctionsResetWhere')}</a>
          </p>
        </>
      )}
    </div>
  );
}
