import { useState } from 'preact/hooks';
import { addDays, monthOf, weekOf } from '../shared/calendar';
import { localDay } from '../shared/day';
import { formatDay, formatDuration } from '../ui/format';
import { t, tn } from '../ui/i18n';
import { Select } from '../ui/Select';
import { useReply } from '../ui/useReply';
import { TacticsTable } from './TacticsTable';

const PERIODS = ['this_week', 'last_week', 'this_month', 'last_month'] as const;
type Period = (typeof PERIODS)[number];

function periodRange(period: Period, today: string): { from: string; to: string } {
  switch (period) {
    case 'this_week':
      return weekOf(today);
    case 'last_week':
      return weekOf(addDays(today, -7));
    case 'this_month':
      return monthOf(today);
    case 'last_month':
      return monthOf(addDays(monthOf(today).from, -1));
  }
}

/**
 * The workload report for the employer: aggregates only. The service worker's reply carries no handle,
 * name, text or link of any commenter, so none can be printed.
 */
export function ReportSection() {
  const [period, setPeriod] = useState<Period>('this_week');
  const { from, to } = periodRange(period, localDay(Date.now()));
  const { reply: report, failed } = useReply({ type: 'ui→bg:workload-report', from, to });
  return (
    <>
      <div class="toolbar no-print">
        <label>
          {t('dashReportPeriod')}{' '}
          <Select
            value={period}
            options={PERIODS}
            name={(choice) => t(`dashPeriod_${choice}`)}
            onChange={(choice) => setPeriod(choice)}
          />
        </label>
        <button type="button" onClick={() => window.print()}>
          {t('dashPrint')}
        </button>
      </div>
      {failed && <p class="notice">{t('popupUnavailable')}</p>}
      {report && (
        <article class="report" data-testid="dash-report">
          <h3>{t('dashReportHeading', [formatDay(report.from, 'long'), formatDay(report.to, 'long')])}</h3>
          <p class="muted small">{t('dashReportPrivacy')}</p>
          <dl>
            <dt>{t('dashReportHostile')}</dt>
            <dd>{report.hostile}</dd>
            <dt>{t('dashReportThreats')}</dt>
            <dd>{report.threats}</dd>
            <dt>{t('dashReportEscalated')}</dt>
            <dd>{report.threatsEscalated}</dd>
            <dt>{t('dashReportHoursOnline')}</dt>
            <dd>
              {tn('dashReportOverDays', report.activeDays, [
                formatDuration(report.activeMs),
                String(report.activeDays),
              ])}
            </dd>
            <dt>{t('dashReportEarlyDays')}</dt>
            <dd>{report.earlyDays}</dd>
            <dt>{t('dashReportLateDays')}</dt>
            <dd>{report.lateDays}</dd>
          </dl>
          <h4>{t('dashTacticsUsed')}</h4>
          <TacticsTable counts={report.tactics} />
        </article>
      )}
    </>
  );
}
