import { useEffect, useState } from 'preact/hooks';
import type { Label } from '../shared/comment';
import type { DaySummary, TabView } from '../shared/messages';
import { ask } from '../ui/client';
import { t } from '../ui/i18n';
import { LabelChip } from '../ui/LabelChip';

const REFRESH_MS = 2_000;
/** What needs the CM first. */
const PRIORITY: Record<Label, number> = { threat: 0, unhappy_customer: 1, troll: 2, neutral: 3 };
/** Posts shown but no comment read for this long: the site's layout has probably changed. */
const UNREADABLE_AFTER_MS = 10_000;

export function Popup({ tabId }: { tabId: number | null }) {
  const [view, setView] = useState<TabView | null>(null);
  const [summary, setSummary] = useState<DaySummary | null>(null);
  const [error, setError] = useState(false);

  useEffect(() => {
    let cancelled = false;
    const load = async () => {
      try {
        const [nextSummary, nextView] = await Promise.all([
          ask({ type: 'ui→bg:summary' }),
          tabId === null ? Promise.resolve(null) : ask({ type: 'ui→bg:tab-comments', tabId }),
        ]);
        if (cancelled) return;
        setSummary(nextSummary);
        setView(nextView);
        setError(false);
      } catch {
        if (!cancelled) setError(true);
      }
    };
    void load();
    const timer = setInterval(load, REFRESH_MS);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [tabId]);

  const incoming = (view?.comments ?? []).filter((c) => !c.isOwn);
  const flagged = incoming
    .filter((c) => c.classification.label !== 'neutral')
    .sort(
      (a, b) =>
        PRIORITY[a.classification.label] - PRIORITY[b.classification.label] ||
        b.classification.intensity - a.classification.intensity,
    );
  const status = view?.status;
  const unreadable =
    status !== null &&
    status !== undefined &&
    status.postsVisible > 0 &&
    status.commentsRead === 0 &&
    Date.now() - status.since > UNREADABLE_AFTER_MS;

  return (
    <main>
      <h1>{t('popupTitle')}</h1>
      {error && <p class="notice">{t('popupUnavailable')}</p>}
      {summary && (
        <section class="summary" aria-label={t('todayAtAGlance')}>
          <div>
            <strong>{summary.byLabel.troll + summary.byLabel.threat}</strong>
            {t('hostileToday')}
          </div>
          <div>
            <strong>{summary.byLabel.threat}</strong>
            {t('threatsToday')}
          </div>
          <div>
            <strong>{summary.byLabel.unhappy_customer}</strong>
            {t('unhappyToday')}
          </div>
        </section>
      )}
      {!status && <p class="muted">{t('popupNoPage')}</p>}
      {status && (
        <p class="muted" data-testid="page-status">
          {t('commentsReadOnPage', String(status.commentsRead))}
        </p>
      )}
      {unreadable && (
        <p class="notice" role="alert">
          {t('cannotReadPage')}
        </p>
      )}
      {status && flagged.length === 0 && <p>{t('nothingFlagged')}</p>}
      <ul class="plain flagged">
        {flagged.map((c) => (
          <li key={c.key} data-key={c.key}>
            <div class="meta">
              <LabelChip label={c.classification.label} />
              <span class="muted">{Math.round(c.classification.intensity * 100)}%</span>
              <bdi>{c.authorName || c.authorHandle}</bdi>
            </div>
            {c.text !== null && <p class="comment-text">{c.text.slice(0, 400)}</p>}
          </li>
        ))}
      </ul>
    </main>
  );
}
