import { useState } from 'preact/hooks';
import { type DayExposure, hostileCount, type TodayView, totalByLabel } from '../exposure/model';
import { LABELS, PLATFORMS } from '../shared/comment';
import { PLATFORM_NAMES } from '../shared/sites';
import { CheckInPrompt } from '../ui/CheckInPrompt';
import { formatClock, formatDuration, formatNumber, formatPostedAt, safePermalink } from '../ui/format';
import { IntensityLevel } from '../ui/IntensityLevel';
import { t, tn } from '../ui/i18n';
import { LabelChip } from '../ui/LabelChip';
import { ShieldedText } from '../ui/ShieldedText';
import { useReply } from '../ui/useReply';
import { CheckInList } from './CheckInsSection';
import { HourBars } from './charts';
import { TacticsTable } from './TacticsTable';

/** "37 hostile comments today, 2.3× your usual day; online since 06:40." */
export function summarySentence(view: TodayView): string {
  const hostile = hostileCount(totalByLabel(view.today));
  let sentence = tn('dashSummaryHostile', hostile);
  // "0 times your usual day" says nothing: the ratio only when there is something to compare.
  if (hostile > 0 && view.usual && view.usual.hostile > 0) {
    sentence += t('dashSummaryRatio', formatNumber(hostile / view.usual.hostile, 1));
  }
  if (view.today.first !== null) sentence += t('dashSummaryOnlineSince', formatClock(view.today.first));
  return `${sentence}.`;
}

/** The check-in the service worker says is due (after a threat, or at the end of the day). */
function DueCheckIn() {
  const { reply } = useReply({ type: 'ui→bg:checkin-due' });
  const [done, setDone] = useState(false);
  if (!reply?.due || done) return null;
  return (
    <aside class="due-checkin no-print">
      <CheckInPrompt trigger={reply.due} onDone={() => setDone(true)} />
    </aside>
  );
}

export function TodaySection() {
  const { reply: view, failed } = useReply({ type: 'ui→bg:exposure-today' });
  if (failed) return <p class="notice">{t('popupUnavailable')}</p>;
  if (!view) return <p class="muted">{t('dashLoading')}</p>;
  const { today } = view;
  const byLabel = totalByLabel(today);
  return (
    <>
      <DueCheckIn />
      <p class="summary-sentence" data-testid="dash-summary">
        {summarySentence(view)}
      </p>
      <div class="cards">
        {LABELS.map((label) => (
          <div key={label} data-label={label}>
            <strong>{byLabel[label]}</strong>
            <LabelChip label={label} />
          </div>
        ))}
        <div data-testid="dash-load">
          <strong>{formatNumber(today.load, 1)}</strong>
          {t('dashLoad')}
          <small class="muted">
            {view.usual ? t('dashUsualLoad', formatNumber(view.usual.load, 1)) : t('dashNoUsualYet')}
          </small>
        </div>
        <div data-testid="dash-online">
          <strong>{formatDuration(today.activeMs)}</strong>
          {t('dashTimeOnline')}
          {today.first !== null && today.last !== null && (
            <small class="muted">
              {t('dashFirstLast', [formatClock(today.first), formatClock(today.last)])}
            </small>
          )}
        </div>
      </div>
      <p class="muted small">{t('dashLoadExplained')}</p>

      <h3>{t('dashHostileByHour')}</h3>
      <HourBars counts={today.hostileByHour} title={t('dashHostileByHour')} />

      <h3>{t('dashOnlineByPlatform')}</h3>
      <OnlineTable day={today} />

      <h3>{t('dashThreatsToday')}</h3>
      {view.threats.length === 0 ? (
        <p class="muted">{t('dashNoThreat')}</p>
      ) : (
        <ul class="plain threats" data-testid="dash-threats">
          {view.threats.map((threat) => {
            const link = safePermalink(threat.permalink);
            return (
              <li key={threat.key}>
                <div class="meta">
                  <LabelChip label="threat" />
                  <span>{formatClock(threat.firstSeen)}</span>
                  {threat.createdAt !== null && threat.createdAtPrecision !== null && (
                    <span class="muted" data-testid="threat-posted-at">
                      {t('dashPostedAt', formatPostedAt(threat.createdAt, threat.createdAtPrecision))}
                    </span>
                  )}
                  <IntensityLevel intensity={threat.intensity} uncertain={threat.uncertain} />
                  <bdi>{threat.authorName || threat.authorHandle}</bdi>
                  {link && (
                    <a href={link} target="_blank" rel="noopener noreferrer">
                      {t('dashOpenComment')}
                    </a>
                  )}
                </div>
                {threat.text !== null && (
                  <ShieldedText
                    commentKey={threat.key}
                    shielded={threat.shielded}
                    text={threat.text.slice(0, 600)}
                  />
                )}
                {threat.evidenceAt.map((at) => (
                  <p key={at} class="evidence">
                    <a href="#evidence">{t('dashEvidenceKept', formatClock(at))}</a>
                  </p>
                ))}
              </li>
            );
          })}
        </ul>
      )}
      {view.threats.length < byLabel.threat && (
        <p class="muted" data-testid="dash-more-threats">
          {tn('dashMoreThreats', byLabel.threat - view.threats.length)}
        </p>
      )}

      <h3>{t('dashTacticsUsed')}</h3>
      <TacticsTable counts={view.tactics} />

      <h3>{t('dashCheckInsToday')}</h3>
      <CheckInList checkins={view.checkins} />
    </>
  );
}

function OnlineTable({ day }: { day: DayExposure }) {
  return (
    <table class="data">
      <tbody>
        {PLATFORMS.map((platform) => (
          <tr key={platform}>
            <th scope="row">{PLATFORM_NAMES[platform]}</th>
            <td>{formatDuration(day.activeMsByPlatform[platform])}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
