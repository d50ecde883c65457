import { useState } from 'preact/hooks';
import { HISTORY_SPANS, type HistorySpan } from '../exposure/messages';
import { emptyLabelCounts, type HistoryView, hostileCount, totalByLabel } from '../exposure/model';
import { LABELS, type Label, PLATFORMS, type Platform } from '../shared/comment';
import { PLATFORM_NAMES } from '../shared/sites';
import { formatDay, formatDuration, formatNumber } from '../ui/format';
import { t, tn } from '../ui/i18n';
import { LabelChip } from '../ui/LabelChip';
import { useReply } from '../ui/useReply';
import { DayTrend, HeatMap, LabelLegend, LabelPatterns } from './charts';

/** Most exposing first: the bars stack from the bottom in this order. */
const STACK_ORDER: readonly Label[] = ['threat', 'troll', 'unhappy_customer', 'neutral'];

export function HistorySection() {
  const [span, setSpan] = useState<HistorySpan>(30);
  const [platform, setPlatform] = useState<Platform | 'all'>('all');
  const { reply: view, failed } = useReply({ type: 'ui→bg:exposure-history', days: span });
  return (
    <>
      <div class="toolbar">
        <fieldset>
          <legend>{t('dashSpan')}</legend>
          {HISTORY_SPANS.map((days) => (
            <button key={days} type="button" aria-pressed={span === days} onClick={() => setSpan(days)}>
              {tn('dashSpanDays', days)}
            </button>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('dashPlatform')}</legend>
          {(['all', ...PLATFORMS] as const).map((choice) => (
            <button
              key={choice}
              type="button"
              aria-pressed={platform === choice}
              onClick={() => setPlatform(choice)}
            >
              {choice === 'all' ? t('dashAllPlatforms') : PLATFORM_NAMES[choice]}
            </button>
          ))}
        </fieldset>
      </div>
      {failed && <p class="notice">{t('popupUnavailable')}</p>}
      {!view && !failed && <p class="muted">{t('dashLoading')}</p>}
      {view && <HistoryCharts view={view} platform={platform} />}
    </>
  );
}

function HistoryCharts({ view, platform }: { view: HistoryView; platform: Platform | 'all' }) {
  const countsOf = (day: HistoryView['days'][number]) =>
    platform === 'all' ? totalByLabel(day) : day.byPlatform[platform];
  const above = new Set(view.aboveUsual);
  const stacks = view.days.map((day) => ({
    day: day.day,
    counts: countsOf(day),
    highlighted: above.has(day.day),
  }));
  const totals = emptyLabelCounts();
  for (const stack of stacks) for (const label of LABELS) totals[label] += stack.counts[label];
  const activeMs = view.days.reduce(
    (sum, day) => sum + (platform === 'all' ? day.activeMs : day.activeMsByPlatform[platform]),
    0,
  );
  const trendTitle = tn('dashTrendTitle', view.days.length);
  return (
    <>
      <LabelPatterns />
      <h3>{trendTitle}</h3>
      <LabelLegend labels={STACK_ORDER} />
      <div data-testid="dash-trend">
        <DayTrend days={stacks} labels={STACK_ORDER} title={trendTitle} />
      </div>
      <table class="data" data-testid="dash-history-totals">
        <caption>{tn('dashTotalsCaption', view.days.length)}</caption>
        <tbody>
          {STACK_ORDER.map((label) => (
            <tr key={label}>
              <th scope="row">
                <LabelChip label={label} />
              </th>
              <td>{totals[label]}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">{t('dashTimeOnline')}</th>
            <td>{formatDuration(activeMs)}</td>
          </tr>
        </tbody>
      </table>

      <h3>{t('dashHeatMapTitle')}</h3>
      <p class="muted small">{t('dashHeatMapExplained')}</p>
      <div data-testid="dash-heatmap">
        <HeatMap cells={view.heatMap} title={t('dashHeatMapTitle')} />
      </div>

      <h3>{t('dashAboveUsualTitle')}</h3>
      {view.aboveUsual.length === 0 ? (
        <p class="muted">{t('dashNoDayAboveUsual')}</p>
      ) : (
        <table class="data" data-testid="dash-above-usual">
          <caption>{view.usual && t('dashAboveUsualCaption', formatNumber(view.usual.load, 1))}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dashDay')}</th>
              <th scope="col">{t('dashHostile')}</th>
              <th scope="col">{t('dashLoad')}</th>
            </tr>
          </thead>
          <tbody>
            {view.days
              .filter((day) => above.has(day.day))
              .map((day) => (
                <tr key={day.day}>
                  <th scope="row">{formatDay(day.day, 'long')}</th>
                  <td>{hostileCount(totalByLabel(day))}</td>
                  <td>{formatNumber(day.load, 1)}</td>
                </tr>
              ))}
          </tbody>
        </table>
      )}
    </>
  );
}
