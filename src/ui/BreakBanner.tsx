import { useState } from 'preact/hooks';
import { describeNudge } from '../exposure/wellbeing';
import { CATALOGS } from '../shared/locale';
import { ask } from './client';
import { t, uiLanguage } from './i18n';
import './wellbeing.css';
import { useReply } from './useReply';

/**
 * A gentle break suggestion when today's thresholds are passed; snoozable for the rest of the day.
 * `slim` (the popup) says it in one line, its reasons one click away, so the queue stays in view.
 */
export function BreakBanner({ slim = false }: { slim?: boolean }) {
  const { reply, reload } = useReply({ type: 'ui→bg:nudges' });
  const [snoozing, setSnoozing] = useState(false);
  const [open, setOpen] = useState(!slim);
  if (!reply || reply.nudges.length === 0) return null;
  const snooze = () => {
    setSnoozing(true);
    // Asked again either way: a snooze that failed leaves the banner in view.
    const done = () => {
      setSnoozing(false);
      reload();
    };
    ask({ type: 'ui→bg:snooze-nudges' }).then(done, done);
  };
  return (
    <div
      class={slim ? 'break-banner slim no-print' : 'break-banner no-print'}
      role="status"
      data-testid="break-banner"
    >
      <p>
        <strong>{t('dashNudgeTitle')}</strong>{' '}
        {slim && (
          <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
            {t('popupNudgeMore')}
          </button>
        )}{' '}
        <button type="button" onClick={snooze} disabled={snoozing}>
          {t('dashNudgeSnooze')}
        </button>
      </p>
      {open && (
        <ul>
          {reply.nudges.map((nudge) => (
            <li key={nudge.kind}>{describeNudge(nudge, CATALOGS[uiLanguage.value], uiLanguage.value)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
