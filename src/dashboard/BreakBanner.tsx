import { useState } from 'preact/hooks';
import type { Nudge } from '../shared/wellbeing';
import { ask } from '../ui/client';
import { t } from '../ui/i18n';
import './wellbeing.css';
import { formatNumber } from './format';
import { useReply } from './useReply';

function nudgeText(nudge: Nudge): string {
  switch (nudge.kind) {
    case 'hostile_burst':
      return t('dashNudgeBurst', String(nudge.count));
    case 'long_day':
      return t('dashNudgeLongDay', formatNumber(nudge.hours, 1));
    case 'late':
      return t('dashNudgeLate', `${nudge.lateHour}:00`);
  }
}

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
          <li key={nudge.kind}>{nudgeText(nudge)}</li>
        ))}
      </ul>
      <button type="button" onClick={snooze} disabled={snoozing}>
        {t('dashNudgeSnooze')}
      </button>
    </div>
  );
}
