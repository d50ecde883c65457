/**
 * A CM correcting labels, simulated on a test written apart. The comments go by in a fixed order (a hash of
 * their text). In the first half the CM corrects every comment that the classifier, with what the corrections
 * so far taught it, misreads, and the adjustment is learned again, as the service worker does after each
 * correction. The second half is then read by the model alone and with the adjustment: later comments should
 * read better, not worse.
 */
import { createHash } from 'node:crypto';
import { type CorrectionExample, learnAdjustment } from '../../src/classifier/adjustment';
import { analyze, classifyWith, featureBuckets } from '../../src/classifier/engine';
import type { Model } from '../../src/classifier/model-codec';
import type { Label } from '../../src/shared/comment';

export interface LaterComment {
  gold: Label;
  alone: Label;
  adjusted: Label;
}

export interface CorrectionRun {
  corrections: number;
  later: LaterComment[];
}

const orderKey = (text: string) => createHash('sha256').update(text).digest('hex');

export function simulateCorrections(
  model: Model,
  docs: readonly { text: string; label: Label }[],
): CorrectionRun {
  const ordered = docs
    .map((d) => ({ ...d, key: orderKey(d.text) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const half = Math.floor(ordered.length / 2);
  const corrections: CorrectionExample[] = [];
  let adjustment = learnAdjustment(model, corrections);
  for (const d of ordered.slice(0, half)) {
    if (classifyWith(model, d.text, { adjustment }).label === d.label) continue;
    corrections.push({ ...featureBuckets(model, analyze(d.text)), to: d.label });
    adjustment = learnAdjustment(model, corrections);
  }
  const later = ordered.slice(half).map((d) => ({
    gold: d.label,
    alone: classifyWith(model, d.text).label,
    adjusted: classifyWith(model, d.text, { adjustment }).label,
  }));
  return { corrections: corrections.length, later };
}

/** One line of figures for the later comments of several runs. */
export function formatCorrectionRuns(name: string, runs: readonly CorrectionRun[]): string {
  const later = runs.flatMap((r) => r.later);
  const count = (test: (c: LaterComment) => boolean) => later.filter(test).length;
  const accuracy = (pick: (c: LaterComment) => Label) =>
    later.length ? (count((c) => pick(c) === c.gold) / later.length).toFixed(3) : '  -  ';
  const threats = (pick: (c: LaterComment) => Label) =>
    count((c) => c.gold === 'threat' && pick(c) === 'threat');
  const falseThreats = (pick: (c: LaterComment) => Label) =>
    count((c) => c.gold !== 'threat' && pick(c) === 'threat');
  const alone = (c: LaterComment) => c.alone;
  const adjusted = (c: LaterComment) => c.adjusted;
  return [
    name.padEnd(44),
    `corrections ${String(runs.reduce((n, r) => n + r.corrections, 0)).padStart(4)}`,
    `later ${String(later.length).padStart(5)}`,
    `acc ${accuracy(alone)} → ${accuracy(adjusted)}`,
    `made right ${String(count((c) => c.alone !== c.gold && c.adjusted === c.gold)).padStart(3)}`,
    `wrong ${String(count((c) => c.alone === c.gold && c.adjusted !== c.gold)).padStart(3)}`,
    `threats ${threats(alone)} → ${threats(adjusted)}`,
    `false threats ${falseThreats(alone)} → ${falseThreats(adjusted)}`,
  ].join('  ');
}
