import { useEffect } from 'preact/hooks';
import type { Settings } from '../shared/settings';
import { PLATFORM_NAMES } from '../shared/sites';
import type { OwnReply } from '../tactics/replies';
import { BreakBanner } from '../ui/BreakBanner';
import { CheckInPrompt } from '../ui/CheckInPrompt';
import { formatClock, formatDuration, formatNumber } from '../ui/format';
import { t, tn } from '../ui/i18n';
import { StorageFullNotice } from '../ui/StorageFullNotice';
import { storageFullReported } from '../ui/storage-full';
import type { PopupModel } from './model';
import { QueueItem } from './QueueItem';

const REFRESH_MS = 2_000;

/** Today in one line, then the break suggestion and the check-in, each one line until opened. */
function SlimBar({ model }: { model: PopupModel }) {
  const summary = model.summary.value;
  const dueCheckIn = model.dueCheckIn.value;
  const answering = model.answeringCheckIn.value;
  return (
    <>
      {summary && (
        <section class="today" aria-label={t('todayAtAGlance')} data-testid="popup-today">
          <span>{tn('popupHostile', summary.byLabel.troll + summary.byLabel.threat)}</span>
          <span>{tn('popupThreats', summary.byLabel.threat)}</span>
          <span>{tn('popupComplaints', summary.byLabel.unhappy_customer)}</span>
          <span
            title={
              summary.firstActivity === null
                ? undefined
                : t('popupOnlineSince', formatClock(summary.firstActivity))
            }
          >
            {t('popupOnlineToday', formatDuration(summary.activeMs))}
          </span>
        </section>
      )}
      <BreakBanner slim />
      {dueCheckIn && !answering && (
        <p class="slim slim-checkin" data-testid="checkin-due">
          {t('popupCheckInAsk')}{' '}
          <button
            type="button"
            onClick={() => {
              model.answeringCheckIn.value = true;
            }}
          >
            {t('popupCheckInOpen')}
          </button>
        </p>
      )}
      {dueCheckIn && answering && <CheckInPrompt trigger={dueCheckIn} onDone={model.checkInDone} />}
    </>
  );
}

/** What the site keeps off the page until the CM opens it: Desaffect never clicks, so it says so. */
function WithheldNotices({ status }: { status: NonNullable<PopupModel['status']['value']> }) {
  const { withheld, platform } = status;
  const site = PLATFORM_NAMES[platform];
  return (
    <>
      {withheld.places > 0 && (
        <p class="notice" data-testid="withheld-replies">
          {withheld.replies > 0
            ? tn('withheldReplies', withheld.replies, [formatNumber(withheld.replies), site])
            : tn('withheldPlaces', withheld.places, [formatNumber(withheld.places), site])}
        </p>
      )}
      {withheld.mostRelevantOnly && (
        <p class="notice" data-testid="most-relevant-only">
          {t('mostRelevantOnly')}
        </p>
      )}
    </>
  );
}

export function Popup({
  model,
  settings,
  ownReplies,
}: {
  model: PopupModel;
  settings: Settings;
  ownReplies: readonly OwnReply[];
}) {
  useEffect(() => {
    void model.loadCheckIn();
    void model.refresh();
    const timer = setInterval(model.refresh, REFRESH_MS);
    return () => clearInterval(timer);
  }, [model]);

  // "Next" opens a comment further down: bring its line into view (the first one already is).
  const expanded = model.expanded.value;
  useEffect(() => {
    if (expanded)
      document
        .querySelector(`[data-key="${CSS.escape(expanded)}"] .line`)
        ?.scrollIntoView({ block: 'nearest' });
  }, [expanded]);

  const summary = model.summary.value;
  const status = model.status.value;
  const queue = model.queue.value;
  return (
    <main>
      <h1>{t('popupTitle')}</h1>
      {model.unavailable.value && <p class="notice">{t('popupUnavailable')}</p>}
      {(summary?.storageFull || storageFullReported.value) && <StorageFullNotice onFree={model.freeSpace} />}
      <SlimBar model={model} />
      {model.loaded.value && !status && <p class="muted">{t('popupNoPage')}</p>}
      {status && (
        <p class="muted page-status" data-testid="page-status">
          {tn('commentsReadOnPage', status.commentsRead)}
        </p>
      )}
      {model.unreadable.value && (
        <p class="notice" role="alert">
          {t('cannotReadPage')}
        </p>
      )}
      {status && <WithheldNotices status={status} />}
      {status && queue.length === 0 && <p>{t('nothingFlagged')}</p>}
      {queue.length > 0 && (
        <ul class="plain queue" aria-label={t('popupFlagged')}>
          {queue.map((comment) => (
            <QueueItem
              key={comment.key}
              comment={comment}
              model={model}
              settings={settings}
              ownReplies={ownReplies}
            />
          ))}
        </ul>
      )}
    </main>
  );
}
