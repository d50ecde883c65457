/**
 * Light SVG charts. Every value is also written as text (on the bar or in the cell) and in a <title>, and
 * series differ by pattern as well as colour: nothing is told by colour alone.
 */
import { LABELS, type Label } from '../shared/comment';
import { LABEL_STYLE } from '../shared/labels';
import { formatDay, formatNumber } from '../ui/format';
import { t, tn } from '../ui/i18n';

const HOURS = Array.from({ length: 24 }, (_, hour) => hour);
const hourLabel = (hour: number) => `${String(hour).padStart(2, '0')}h`;

/**
 * Fill patterns per label, so stacked bars stay legible in greyscale and for colour-blind readers. Render
 * once per page (ids are global), before any chart or legend that uses them.
 */
export function LabelPatterns() {
  return (
    <svg width="0" height="0" class="defs-only" aria-hidden="true">
      <defs>
        {LABELS.map((label) => {
          const { colour } = LABEL_STYLE[label];
          return (
            <pattern key={label} id={`pattern-${label}`} width="6" height="6" patternUnits="userSpaceOnUse">
              <rect width="6" height="6" fill={colour} />
              {label === 'troll' && <path d="M0 6 L6 0" stroke="#fff" stroke-width="1.2" />}
              {label === 'unhappy_customer' && <circle cx="3" cy="3" r="1.1" fill="#fff" />}
              {label === 'neutral' && <path d="M0 3 H6" stroke="#fff" stroke-width="1" />}
            </pattern>
          );
        })}
      </defs>
    </svg>
  );
}

export function LabelLegend({ labels }: { labels: readonly Label[] }) {
  return (
    <ul class="plain legend">
      {labels.map((label) => (
        <li key={label}>
          <svg width="14" height="14" aria-hidden="true">
            <rect width="14" height="14" fill={`url(#pattern-${label})`} />
          </svg>
          {t(LABEL_STYLE[label].messageKey)}
        </li>
      ))}
    </ul>
  );
}

/** Hostile comments per local hour of the day. */
export function HourBars({ counts, title }: { counts: readonly number[]; title: string }) {
  const max = Math.max(1, ...counts);
  const width = 24 * 28;
  const height = 150;
  const plot = height - 36;
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title}>
        <title>{title}</title>
        {HOURS.map((hour) => {
          const count = counts[hour] ?? 0;
          const barHeight = (count / max) * plot;
          const x = hour * 28 + 3;
          return (
            <g key={hour} data-hour={hour}>
              <title>{tn('dashHourBarTitle', count, [hourLabel(hour), String(count)])}</title>
              <rect x={x} y={plot - barHeight + 14} width="22" height={barHeight} class="bar-hostile" />
              {count > 0 && (
                <text x={x + 11} y={plot - barHeight + 10} text-anchor="middle" class="chart-value">
                  {count}
                </text>
              )}
              {hour % 3 === 0 && (
                <text x={x + 11} y={height - 6} text-anchor="middle" class="chart-axis">
                  {hourLabel(hour)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

export interface DayStack {
  day: string;
  counts: Record<Label, number>;
  highlighted: boolean;
}

/** One stacked bar per day, a pattern per label; days above the usual load are marked with a ▲. */
export function DayTrend({
  days,
  labels,
  title,
}: {
  days: readonly DayStack[];
  labels: readonly Label[];
  title: string;
}) {
  const max = Math.max(1, ...days.map((d) => labels.reduce((sum, label) => sum + d.counts[label], 0)));
  const step = Math.max(6, Math.min(40, 900 / Math.max(1, days.length)));
  const width = days.length * step + 40;
  const height = 200;
  const plot = height - 46;
  const labelEvery = Math.ceil(days.length / 10);
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title}>
        <title>{title}</title>
        <text x="0" y="12" class="chart-axis">
          {formatNumber(max)}
        </text>
        <line x1="36" x2={width} y1={16} y2={16} class="chart-grid" />
        {days.map((day, index) => {
          const x = 40 + index * step;
          let top = plot + 16;
          const total = labels.reduce((sum, label) => sum + day.counts[label], 0);
          const parts = labels.map((label) => `${t(LABEL_STYLE[label].messageKey)} ${day.counts[label]}`);
          return (
            <g key={day.day} data-day={day.day}>
              <title>{`${formatDay(day.day, 'long')} — ${parts.join(', ')}${day.highlighted ? ` — ${t('dashAboveUsual')}` : ''}`}</title>
              {labels.map((label) => {
                const segment = (day.counts[label] / max) * plot;
                top -= segment;
                return (
                  <rect
                    key={label}
                    x={x + 1}
                    y={top}
                    width={step - 2}
                    height={segment}
                    fill={`url(#pattern-${label})`}
                  />
                );
              })}
              {day.highlighted && total > 0 && (
                <text x={x + step / 2} y={top - 3} text-anchor="middle" class="chart-value">
                  ▲
                </text>
              )}
              {index % labelEvery === 0 && (
                <text x={x + step / 2} y={height - 12} text-anchor="middle" class="chart-axis">
                  {formatDay(day.day)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

/** Hostile comments by weekday and hour: the darker, the more; the number is written in the cell. */
export function HeatMap({ cells, title }: { cells: readonly (readonly number[])[]; title: string }) {
  const max = Math.max(1, ...cells.flat());
  const cell = 26;
  const left = 44;
  const weekdays = cells.map((_, weekday) => t(`dashWeekday${weekday}`));
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${left + 24 * cell} ${18 + 7 * cell}`} role="img" aria-label={title}>
        <title>{title}</title>
        {HOURS.filter((hour) => hour % 3 === 0).map((hour) => (
          <text key={hour} x={left + hour * cell + cell / 2} y="12" text-anchor="middle" class="chart-axis">
            {hourLabel(hour)}
          </text>
        ))}
        {cells.map((row, weekday) => (
          <g key={weekdays[weekday]}>
            <text x="0" y={18 + weekday * cell + cell * 0.65} class="chart-axis">
              {weekdays[weekday]}
            </text>
            {HOURS.map((hour) => {
              const count = row[hour] ?? 0;
              const x = left + hour * cell;
              const y = 18 + weekday * cell;
              return (
                <g key={hour} data-cell={`${weekday}-${hour}`}>
                  <title>
                    {tn('dashHeatCellTitle', count, [
                      weekdays[weekday] ?? '',
                      hourLabel(hour),
                      String(count),
                    ])}
                  </title>
                  <rect
                    x={x + 1}
                    y={y + 1}
                    width={cell - 2}
                    height={cell - 2}
                    class="heat-cell"
                    fill-opacity={count === 0 ? 0.04 : 0.15 + 0.85 * (count / max)}
                  />
                  {count > 0 && (
                    <text
                      x={x + cell / 2}
                      y={y + cell * 0.65}
                      text-anchor="middle"
                      class={count / max > 0.55 ? 'chart-value on-dark' : 'chart-value'}
                    >
                      {count}
                    </text>
                  )}
                </g>
              );
            })}
          </g>
        ))}
      </svg>
    </figure>
  );
}
