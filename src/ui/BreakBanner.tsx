import { useState } from 'preact/hooks';
import { describeNudge } from '../exposure/wellbeing';
import { ask } from './client';
import { t } from './i18n';
import './wellbeing.css';
import { useReply } from './useReply';

/** A gentle break suggestion when today's thresholds are passed; snoozable for the rest of the day. No props. */
export function BreakBanner() {
  const { reply, reload } = useReply({ type: 'ui→bg:nudges' });
  const [snoozing, setSnoozing] = useState(false);
  if (!reply || reply.nudges.length === 0) return null;
  const snooze = () => {
    setSnoozing(true);
    ask({ type: 'ui→bg:snooze-nudges' }).finally(() => {
      setSnoozing(false);
      reload();
    });
  };
  return (
    <div class="break-banner no-print" role="status" data-testid="break-banner">
      <p>
        <strong>{t('dashNudgeTitle')}</strong>
      </p>
      <ul>
        {reply.nudges.map((nudge) => (
          <li key={nudge.kind}>{describeNudge(nudge, t, document.documentElement.lang || undefined)}</li>
        ))}
      </ul>
      <button type="button" onClick={snooze} disabled={snoozing}>
        {t('dashNudgeSnooze')}
      </button>
    </div>
  );
}
