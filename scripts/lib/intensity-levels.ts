/**
 * The classifier's intensities on the authored corpus, by the label it gives: what the levels
 * (src/shared/levels.ts) and the shield's default rest on. Shared by `npm run levels` and its unit test.
 */
import { classify } from '../../src/classifier/index';
import { LABELS, type Label } from '../../src/shared/comment';
import { intensityLevel, LEVELS, type Level } from '../../src/shared/levels';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import { shouldShield } from '../../src/shared/shield';
import { AUTHORED_FILES, loadAuthored } from './classifier-data';

export interface LabelIntensities {
  label: Label;
  count: number;
  byLevel: Record<Level, number>;
  /** Intensity at the 10th, 25th, 50th, 75th and 90th percentiles. */
  percentiles: number[];
  /** Comments the default shield blurs. */
  shielded: number;
}

const PERCENTILES = [0.1, 0.25, 0.5, 0.75, 0.9];

export function measureIntensities(): LabelIntensities[] {
  const byLabel = new Map<Label, number[]>(LABELS.map((label) => [label, []]));
  for (const doc of AUTHORED_FILES.flatMap((file) => loadAuthored(file))) {
    const { label, intensity } = classify(doc.text);
    byLabel.get(label)?.push(intensity);
  }
  return LABELS.map((label) => {
    const values = (byLabel.get(label) ?? []).sort((a, b) => a - b);
    const byLevel = Object.fromEntries(LEVELS.map((level) => [level, 0])) as Record<Level, number>;
    for (const value of values) byLevel[intensityLevel(value)] += 1;
    return {
      label,
      count: values.length,
      byLevel,
      percentiles: PERCENTILES.map(
        (p) => values[Math.min(values.length - 1, Math.floor(p * values.length))] ?? 0,
      ),
      shielded: values.filter((value) => shouldShield(DEFAULT_SETTINGS.shield[label], value, false)).length,
    };
  });
}

export function formatIntensities(rows: readonly LabelIntensities[]): string {
  const percent = (part: number, whole: number) => `${Math.round((100 * part) / Math.max(1, whole))} %`;
  const lines = [
    'label             n     p10   p25   p50   p75   p90   low    medium  high   default shield',
  ];
  for (const row of rows) {
    lines.push(
      [
        row.label.padEnd(16),
        String(row.count).padStart(5),
        ...row.percentiles.map((p) => p.toFixed(2).padStart(5)),
        ...LEVELS.map((level) => percent(row.byLevel[level], row.count).padStart(6)),
        ` ${row.shielded} (${percent(row.shielded, row.count)})`,
      ].join(' '),
    );
  }
  return lines.join('\n');
}
