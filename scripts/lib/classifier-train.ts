/**
 * Training: multinomial logistic regression over the features of src/classifier/engine.ts (hashed
 * n-grams scaled by `gramScale`, structured features of value `STRUCTURED_WEIGHT`), averaged SGD with
 * balanced class weights, a stronger L2 on the threat class's n-grams, a fixed seed and a deterministic
 * order. Pure computation, no I/O.
 */
import {
  analyze,
  gramFeatures,
  gramScale,
  STRUCTURED_WEIGHT,
  structuredFeatures,
} from '../../src/classifier/engine';
import { type ModelFile, NUM_CLASSES, quantize } from '../../src/classifier/model-codec';
import { LABELS, type Label } from '../../src/shared/comment';

export interface TrainDoc {
  text: string;
  label: Label;
  /** Sample weight (1 by default). */
  weight?: number;
}

export interface TrainOptions {
  bits?: number;
  epochs?: number;
  seed?: number;
  lr?: number;
  l2?: number;
}

/** Each document's masked buckets: n-grams then structured, `split` marking where the second group starts. */
export interface Featurised {
  offsets: Int32Array;
  split: Int32Array;
  buckets: Int32Array;
}

/** Small deterministic PRNG (mulberry32). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A feature group switched off for an ablation. */
export type Ablation = (structured: number[]) => number[];

export function featurise(docs: readonly TrainDoc[], bits: number, ablate?: Ablation): Featurised {
  const mask = (1 << bits) - 1;
  const offsets = new Int32Array(docs.length + 1);
  const split = new Int32Array(docs.length);
  const chunks: number[][] = [];
  let total = 0;
  docs.forEach((d, i) => {
    const a = analyze(d.text);
    const row: number[] = [];
    for (let k = 0; k < a.nGram; k++) row.push((gramFeatures[k] as number) & mask);
    split[i] = total + row.length;
    let structured: number[] = [];
    for (let k = 0; k < a.nStructured; k++) structured.push(structuredFeatures[k] as number);
    if (ablate) structured = ablate(structured);
    for (const h of structured) row.push(h & mask);
    chunks.push(row);
    total += row.length;
    offsets[i + 1] = total;
  });
  const buckets = new Int32Array(total);
  let o = 0;
  for (const c of chunks) {
    buckets.set(c, o);
    o += c.length;
  }
  return { offsets, split, buckets };
}

/**
 * 2^17 hash buckets per class: against 2^18, cross-validation and leave-one-corpus-out move by −0.002 (mean
 * accuracy), and the weights the service worker parses at start are half as big (classifier README).
 */
export const HASH_BITS = 17;

/**
 * L2 on the threat class's n-gram weights (the others: `l2`). The authored threats were written to be found
 * without violent words, out of everyday ones ("demain", "agence", "directeur": most French training
 * comments with them are threats), so an n-gram should only count towards a threat as far as it keeps
 * predicting one; phrases and frames are not held back. Chosen on cross-validation (three fold seeds)
 * among 10⁻⁶ (as the rest), 10⁻⁴, 10⁻³, 3·10⁻³ and 10⁻², with leave-one-corpus-out; chosen again with each
 * round that shifts the balance of words (7·10⁻⁴ for the thirty-fifth and thirty-seventh, 5·10⁻⁴ for the
 * thirty-eighth and thirty-ninth, among 7·10⁻⁴, 5·10⁻⁴ and 3·10⁻⁴): see docs/classifier-history.md.
 */
const THREAT_GRAM_L2 = 5e-4;

/** Trains on the documents at `use` (all by default) of a featurised corpus. */
export function trainModel(
  docs: readonly TrainDoc[],
  opts: TrainOptions = {},
  pre?: Featurised,
  use?: readonly number[],
): ModelFile {
  const bits = opts.bits ?? HASH_BITS;
  const epochs = opts.epochs ?? 8;
  const lr0 = opts.lr ?? 0.5;
  const l2 = opts.l2 ?? 1e-6;
  const rnd = mulberry32(opts.seed ?? 42);
  const { offsets, split, buckets } = pre ?? featurise(docs, bits);
  const size = (1 << bits) * NUM_CLASSES;
  const w = new Float64Array(size);
  const u = new Float64Array(size);
  const bias = new Float64Array(NUM_CLASSES);
  const ubias = new Float64Array(NUM_CLASSES);
  const order = use ? [...use] : Array.from(docs.keys());

  // Balanced class weights: every label present carries the same total weight.
  const y = docs.map((d) => LABELS.indexOf(d.label));
  const mass = new Float64Array(NUM_CLASSES);
  const sw = docs.map((d) => d.weight ?? 1);
  for (const i of order) mass[y[i] as number] = (mass[y[i] as number] as number) + (sw[i] as number);
  const present = mass.filter((x) => x > 0).length;
  const totalMass = mass.reduce((a, b) => a + b, 0);
  const cw = Array.from(mass, (m) => (m > 0 ? totalMass / (present * m) : 0));

  const gramDecay = LABELS.map((label) => (label === 'threat' ? THREAT_GRAM_L2 : l2));
  const p = new Float64Array(NUM_CLASSES);
  const g = new Float64Array(NUM_CLASSES);
  let t = 1;
  const n = order.length;
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      const tmp = order[i] as number;
      order[i] = order[j] as number;
      order[j] = tmp;
    }
    for (const di of order) {
      const s = offsets[di] as number;
      const mid = split[di] as number;
      const e = offsets[di + 1] as number;
      const norm = gramScale(mid - s);
      for (let c = 0; c < NUM_CLASSES; c++) p[c] = bias[c] as number;
      for (let k = s; k < e; k++) {
        const v = k < mid ? norm : STRUCTURED_WEIGHT;
        const b = (buckets[k] as number) << 2;
        for (let c = 0; c < NUM_CLASSES; c++) p[c] = (p[c] as number) + (w[b + c] as number) * v;
      }
      let mx = Number.NEGATIVE_INFINITY;
      for (let c = 0; c < NUM_CLASSES; c++) if ((p[c] as number) > mx) mx = p[c] as number;
      let sum = 0;
      for (let c = 0; c < NUM_CLASSES; c++) {
        p[c] = Math.exp((p[c] as number) - mx);
        sum += p[c] as number;
      }
      const yi = y[di] as number;
      const lr = lr0 / (1 + (t - 1) / (n * 2));
      for (let c = 0; c < NUM_CLASSES; c++)
        g[c] = lr * (cw[yi] as number) * (sw[di] as number) * ((p[c] as number) / sum - (c === yi ? 1 : 0));
      for (let c = 0; c < NUM_CLASSES; c++) {
        bias[c] = (bias[c] as number) - (g[c] as number);
        ubias[c] = (ubias[c] as number) - t * (g[c] as number);
      }
      for (let k = s; k < e; k++) {
        const gram = k < mid;
        const v = gram ? norm : STRUCTURED_WEIGHT;
        const b = (buckets[k] as number) << 2;
        for (let c = 0; c < NUM_CLASSES; c++) {
          const decay = gram ? (gramDecay[c] as number) : l2;
          const d = -(g[c] as number) * v - lr * decay * (w[b + c] as number);
          w[b + c] = (w[b + c] as number) + d;
          u[b + c] = (u[b + c] as number) + t * d;
        }
      }
      t++;
    }
  }
  const avg = new Float32Array(size);
  for (let i = 0; i < size; i++) avg[i] = (w[i] as number) - (u[i] as number) / t;
  const avgBias = Array.from(bias, (b, c) => b - (ubias[c] as number) / t);
  return quantize(avg, avgBias, bits, 'dev');
}
