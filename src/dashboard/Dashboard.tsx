import { useEffect, useState } from 'preact/hooks';
import { LABELS } from '../shared/comment';
import type { DaySummary } from '../shared/messages';
import { ask } from '../ui/client';
import { t } from '../ui/i18n';
import { LabelChip } from '../ui/LabelChip';

export function Dashboard() {
  const [summary, setSummary] = useState<DaySummary | null>(null);
  const [error, setError] = useState(false);

  useEffect(() => {
    ask({ type: 'ui→bg:summary' }).then(setSummary, () => setError(true));
  }, []);

  return (
    <main>
      <h1>{t('dashboardTitle')}</h1>
      {error && <p class="notice">{t('popupUnavailable')}</p>}
      {summary && (
        <section aria-label={t('todayAtAGlance')}>
          <h2>{t('today')}</h2>
          <div class="cards">
            {LABELS.map((label) => (
              <div key={label} data-label={label}>
                <strong>{summary.byLabel[label]}</strong>
                <LabelChip label={label} />
              </div>
            ))}
          </div>
        </section>
      )}
    </main>
  );
}
