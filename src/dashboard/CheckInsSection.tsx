import { useState } from 'preact/hooks';
import { hostileCount, totalByLabel } from '../exposure/model';
import { CheckInPrompt } from '../ui/CheckInPrompt';
import type { Reply } from '../ui/client';
import { formatClock, formatDay } from '../ui/format';
import { t, tn } from '../ui/i18n';
import { useReply } from '../ui/useReply';

type CheckIn = Reply<'ui→bg:list-checkins'>['checkins'][number];

export function CheckInList({ checkins }: { checkins: readonly CheckIn[] }) {
  if (checkins.length === 0) return <p class="muted">{t('dashNoCheckIn')}</p>;
  return (
    <ul class="plain checkins">
      {checkins.map((checkin) => (
        <li key={checkin.id ?? checkin.at}>
          <strong>{t('dashCheckInScoreOf', String(checkin.score))}</strong>{' '}
          <span class="muted">{formatClock(checkin.at)}</span>{' '}
          {checkin.tags.map((tag) => t(`dashTag_${tag}`)).join(', ')}
          {checkin.note && <p class="comment-text">{checkin.note}</p>}
        </li>
      ))}
    </ul>
  );
}

export function CheckInsSection() {
  const { reply, reload } = useReply({ type: 'ui→bg:list-checkins', days: 30 });
  const [saved, setSaved] = useState(false);
  const byDay = new Map<string, CheckIn[]>();
  for (const checkin of reply?.checkins ?? [])
    byDay.set(checkin.day, [...(byDay.get(checkin.day) ?? []), checkin]);
  const hostileOn = new Map((reply?.days ?? []).map((day) => [day.day, hostileCount(totalByLabel(day))]));
  return (
    <>
      <p class="muted small">{t('dashCheckInsExplained')}</p>
      <CheckInPrompt
        trigger="manual"
        onDone={() => {
          setSaved(true);
          reload();
        }}
      />
      {saved && <p role="status">{t('dashCheckInSaved')}</p>}
      <h3>{t('dashCheckInsRecent')}</h3>
      {byDay.size === 0 && <p class="muted">{t('dashNoCheckIn')}</p>}
      {[...byDay].map(([day, checkins]) => (
        <section key={day} class="checkin-day">
          <h4>
            {formatDay(day, 'long')} — {tn('dashHostileThatDay', hostileOn.get(day) ?? 0)}
          </h4>
          <CheckInList checkins={checkins} />
        </section>
      ))}
    </>
  );
}
