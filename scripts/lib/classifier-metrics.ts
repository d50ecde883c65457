/** Evaluation metrics and table formatting for the classifier. */
import { LABELS, type Label } from '../../src/shared/comment';

export interface Pred {
  gold: Label;
  pred: Label;
}

export interface LabelStats {
  label: Label;
  precision: number | null;
  recall: number | null;
  f1: number | null;
  support: number;
  predicted: number;
}

export interface Summary {
  n: number;
  accuracy: number;
  perLabel: LabelStats[];
  hostileF1: number | null;
  complaintF1: number | null;
  /** Share of gold unhappy customers predicted as troll. */
  unhappyAsTroll: number | null;
  threatRecall: number | null;
  /** Share of gold threats predicted neutral (safety). */
  threatAsNeutral: number | null;
  /** Share of the other comments predicted threat: false alarms, each one shielded and counted as exposure. */
  falseThreats: number | null;
}

function prf(tp: number, fp: number, fn: number) {
  const precision = tp + fp > 0 ? tp / (tp + fp) : null;
  const recall = tp + fn > 0 ? tp / (tp + fn) : null;
  const f1 =
    precision !== null && recall !== null && precision + recall > 0
      ? (2 * precision * recall) / (precision + recall)
      : tp + fn > 0
        ? 0
        : null;
  return { precision, recall, f1 };
}

function binary(preds: readonly Pred[], pos: (l: Label) => boolean) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const p of preds) {
    const g = pos(p.gold);
    const q = pos(p.pred);
    if (g && q) tp++;
    else if (q) fp++;
    else if (g) fn++;
  }
  return prf(tp, fp, fn);
}

export function summarise(preds: readonly Pred[]): Summary {
  const perLabel = LABELS.map((label) => {
    const r = binary(preds, (l) => l === label);
    return {
      label,
      ...r,
      support: preds.filter((p) => p.gold === label).length,
      predicted: preds.filter((p) => p.pred === label).length,
    };
  });
  const unhappy = preds.filter((p) => p.gold === 'unhappy_customer');
  const threats = preds.filter((p) => p.gold === 'threat');
  const others = preds.filter((p) => p.gold !== 'threat');
  return {
    n: preds.length,
    accuracy: preds.length ? preds.filter((p) => p.gold === p.pred).length / preds.length : 0,
    perLabel,
    hostileF1: binary(preds, (l) => l === 'troll' || l === 'threat').f1,
    complaintF1: binary(preds, (l) => l === 'unhappy_customer').f1,
    unhappyAsTroll: unhappy.length ? unhappy.filter((p) => p.pred === 'troll').length / unhappy.length : null,
    threatRecall: threats.length ? threats.filter((p) => p.pred === 'threat').length / threats.length : null,
    threatAsNeutral: threats.length
      ? threats.filter((p) => p.pred === 'neutral').length / threats.length
      : null,
    falseThreats: others.length ? others.filter((p) => p.pred === 'threat').length / others.length : null,
  };
}

const fmt = (x: number | null) => (x === null ? '   -  ' : x.toFixed(3).padStart(6));

export function formatOverview(rows: readonly { name: string; s: Summary }[]): string {
  const head = `${'set'.padEnd(36)}     n    acc  hostileF1  complaintF1  unhappy→troll  threatRecall  threat→neutral  falseThreats`;
  const lines = [head, '-'.repeat(head.length)];
  for (const { name, s } of rows) {
    lines.push(
      `${name.padEnd(36)} ${String(s.n).padStart(5)} ${s.accuracy.toFixed(3)}     ${fmt(s.hostileF1)}       ${fmt(s.complaintF1)}         ${fmt(s.unhappyAsTroll)}        ${fmt(s.threatRecall)}          ${fmt(s.threatAsNeutral)}        ${fmt(s.falseThreats)}`,
    );
  }
  return lines.join('\n');
}

/** Accuracy per set (rows) under several variants (columns), with each variant's mean as the last row. */
export function formatAccuracyTable(
  sets: readonly string[],
  variants: readonly { name: string; accuracies: readonly number[] }[],
): string {
  const width = Math.max(...variants.map((v) => v.name.length), 6) + 2;
  const cell = (x: string) => x.padStart(width);
  const head = `${'set'.padEnd(36)}${variants.map((v) => cell(v.name)).join('')}`;
  const lines = [head, '-'.repeat(head.length)];
  sets.forEach((set, i) => {
    lines.push(`${set.padEnd(36)}${variants.map((v) => cell((v.accuracies[i] ?? 0).toFixed(3))).join('')}`);
  });
  const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  lines.push(`${'mean'.padEnd(36)}${variants.map((v) => cell(mean(v.accuracies).toFixed(3))).join('')}`);
  return lines.join('\n');
}
