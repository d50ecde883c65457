import { useCallback, useEffect, useState } from 'preact/hooks';
import type { CheckInTrigger } from '../exposure/wellbeing';
import type { Settings } from '../shared/settings';
import { PLATFORM_NAMES } from '../shared/sites';
import { byPriority } from '../tactics/priority';
import { BreakBanner } from '../ui/BreakBanner';
import { CheckInPrompt } from '../ui/CheckInPrompt';
import { ask, type Reply } from '../ui/client';
import { formatClock, formatDuration } from '../ui/format';
import { t } from '../ui/i18n';
import { StorageFullNotice } from '../ui/StorageFullNotice';
import { FlaggedComment } from './FlaggedComment';

const REFRESH_MS = 2_000;
/** Posts shown but no comment read for this long: the site's layout has probably changed. */
const UNREADABLE_AFTER_MS = 10_000;

export function Popup({ tabId, settings }: { tabId: number | null; settings: Settings }) {
  const [view, setView] = useState<Reply<'ui→bg:tab-comments'> | null>(null);
  const [summary, setSummary] = useState<Reply<'ui→bg:summary'> | null>(null);
  const [error, setError] = useState(false);
  const [checkIn, setCheckIn] = useState<CheckInTrigger | null>(null);

  useEffect(() => {
    ask({ type: 'ui→bg:checkin-due' }).then(
      ({ due }) => setCheckIn(due),
      () => setCheckIn(null),
    );
  }, []);

  const load = useCallback(async () => {
    try {
      const [nextSummary, nextView] = await Promise.all([
        ask({ type: 'ui→bg:summary' }),
        tabId === null ? Promise.resolve(null) : ask({ type: 'ui→bg:tab-comments', tabId }),
      ]);
      setSummary(nextSummary);
      setView(nextView);
      setError(false);
    } catch {
      setError(true);
    }
  }, [tabId]);

  useEffect(() => {
    void load();
    const timer = setInterval(load, REFRESH_MS);
    return () => clearInterval(timer);
  }, [load]);

  const flagged = byPriority(
    (view?.comments ?? [])
      .filter((c) => !c.isOwn)
      .map((c) => ({ ...c, label: c.classification.label, intensity: c.classification.intensity })),
  );
  const status = view?.status ?? null;
  const unreadable =
    status !== null &&
    status.postsVisible > 0 &&
    status.commentsRead === 0 &&
    Date.now() - status.since > UNREADABLE_AFTER_MS;

  return (
    <main>
      <h1>{t('popupTitle')}</h1>
      {error && <p class="notice">{t('popupUnavailable')}</p>}
      {summary?.storageFull && <StorageFullNotice onFreed={load} />}
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
          <div>
            <strong>{formatDuration(summary.activeMs)}</strong>
            {summary.firstActivity === null
              ? t('popupOnline')
              : t('popupOnlineSince', formatClock(summary.firstActivity))}
          </div>
        </section>
      )}
      <BreakBanner />
      {checkIn && <CheckInPrompt trigger={checkIn} onDone={() => setCheckIn(null)} />}
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
      {status && status.withheld.places > 0 && (
        <p class="notice" data-testid="withheld-replies">
          {status.withheld.replies > 0
            ? t('withheldReplies', [String(status.withheld.replies), PLATFORM_NAMES[status.platform]])
            : t('withheldPlaces', [String(status.withheld.places), PLATFORM_NAMES[status.platform]])}
        </p>
      )}
      {status?.withheld.mostRelevantOnly && (
        <p class="notice" data-testid="most-relevant-only">
          {t('mostRelevantOnly')}
        </p>
      )}
      {status && flagged.length === 0 && <p>{t('nothingFlagged')}</p>}
      {tabId !== null && (
        <ul class="plain flagged" aria-label={t('popupFlagged')}>
          {flagged.map((comment) => (
            <FlaggedComment
              key={comment.key}
              comment={comment}
              tabId={tabId}
              settings={settings}
              onChanged={load}
            />
          ))}
        </ul>
      )}
    </main>
  );
}
