/**
 * Training: multinomial logistic regression over the hashed features of `src/classifier/engine.ts`,
 * averaged SGD with class weights, fixed seed and deterministic order. Pure computation, no I/O.
 */
import { analyze, feats } from '../../src/classifier/engine';
import { type ModelFile, NUM_CLASSES, quantize } from '../../src/classifier/model-codec';
import { LABELS, type Label } from '../../src/shared/comment';
import { mulberry32 } from './classifier-synth';

export interface TrainDoc {
  text: string;
  label: Label;
  /** Sample weight multiplier (default 1). */
  weight?: number;
}

export interface TrainOptions {
  bits?: number;
  epochs?: number;
  seed?: number;
  lr?: number;
  l2?: number;
  version?: string;
}

export interface Featurised {
  offsets: Int32Array;
  buckets: Int32Array;
}

/** Featurises documents once (bucket ids, masked to `bits`). */
export function featurise(docs: readonly TrainDoc[], bits: number): Featurised {
  const mask = (1 << bits) - 1;
  const offsets = new Int32Array(docs.length + 1);
  const chunks: Int32Array[] = [];
  let total = 0;
  docs.forEach((d, i) => {
    const a = analyze(d.text);
    const arr = new Int32Array(a.nFeat);
    for (let k = 0; k < a.nFeat; k++) arr[k] = (feats[k] as number) & mask;
    chunks.push(arr);
    total += a.nFeat;
    offsets[i + 1] = total;
  });
  const buckets = new Int32Array(total);
  let o = 0;
  for (const c of chunks) {
    buckets.set(c, o);
    o += c.length;
  }
  return { offsets, buckets };
}

export function trainModel(docs: readonly TrainDoc[], opts: TrainOptions = {}, pre?: Featurised): ModelFile {
  const bits = opts.bits ?? 18;
  const epochs = opts.epochs ?? 8;
  const lr0 = opts.lr ?? 0.6;
  const l2 = opts.l2 ?? 1e-6;
  const rnd = mulberry32(opts.seed ?? 42);
  const { offsets, buckets } = pre ?? featurise(docs, bits);
  const size = (1 << bits) * NUM_CLASSES;
  const w = new Float64Array(size);
  const u = new Float64Array(size); // for weight averaging
  const bias = new Float64Array(NUM_CLASSES);
  const ubias = new Float64Array(NUM_CLASSES);

  // Class weights: every label carries the same total weight.
  const y = docs.map((d) => LABELS.indexOf(d.label));
  const mass = new Float64Array(NUM_CLASSES);
  docs.forEach((d, i) => {
    mass[y[i] as number] = (mass[y[i] as number] as number) + (d.weight ?? 1);
  });
  const totalMass = mass.reduce((s, x) => s + x, 0);
  const present = mass.filter((x) => x > 0).length;
  const cw = Array.from(mass, (m) => (m > 0 ? Math.min(8, Math.max(0.2, totalMass / (present * m))) : 0));

  const order = Array.from(docs.keys());
  const p = new Float64Array(NUM_CLASSES);
  const g = new Float64Array(NUM_CLASSES);
  let t = 1;
  const n = docs.length;
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      const tmp = order[i] as number;
      order[i] = order[j] as number;
      order[j] = tmp;
    }
    for (const di of order) {
      const s = offsets[di] as number;
      const e = offsets[di + 1] as number;
      const nf = e - s;
      const v = nf > 0 ? 1 / Math.sqrt(nf) : 0;
      for (let c = 0; c < NUM_CLASSES; c++) p[c] = bias[c] as number;
      for (let k = s; k < e; k++) {
        const b = (buckets[k] as number) << 2;
        p[0] = (p[0] as number) + (w[b] as number) * v;
        p[1] = (p[1] as number) + (w[b + 1] as number) * v;
        p[2] = (p[2] as number) + (w[b + 2] as number) * v;
        p[3] = (p[3] as number) + (w[b + 3] as number) * v;
      }
      let mx = -Infinity;
      for (let c = 0; c < NUM_CLASSES; c++) if ((p[c] as number) > mx) mx = p[c] as number;
      let sum = 0;
      for (let c = 0; c < NUM_CLASSES; c++) {
        p[c] = Math.exp((p[c] as number) - mx);
        sum += p[c] as number;
      }
      const yi = y[di] as number;
      const sw = (docs[di]?.weight ?? 1) * (cw[yi] as number);
      const lr = lr0 / (1 + (t - 1) / (n * 2));
      for (let c = 0; c < NUM_CLASSES; c++) g[c] = lr * sw * ((p[c] as number) / sum - (c === yi ? 1 : 0));
      for (let c = 0; c < NUM_CLASSES; c++) {
        bias[c] = (bias[c] as number) - (g[c] as number);
        ubias[c] = (ubias[c] as number) - t * (g[c] as number);
      }
      const decay = 1 - lr * l2;
      for (let k = s; k < e; k++) {
        const b = (buckets[k] as number) << 2;
        for (let c = 0; c < NUM_CLASSES; c++) {
          const d = -(g[c] as number) * v - (decay < 1 ? (1 - decay) * (w[b + c] as number) : 0);
          w[b + c] = (w[b + c] as number) + d;
          u[b + c] = (u[b + c] as number) + t * d;
        }
      }
      t++;
    }
  }
  // Averaged weights: w_avg = w - u / t.
  const avg = new Float32Array(size);
  for (let i = 0; i < size; i++) avg[i] = (w[i] as number) - (u[i] as number) / t;
  const avgBias = Array.from(bias, (b, c) => b - (ubias[c] as number) / t);
  return quantize(avg, avgBias, bits, opts.version ?? 'dev');
}

/** Weight of each templated synthetic sentence relative to a real labelled one. */
export const SYNTH_WEIGHT = 0.7;

/** The shipped training recipe: the licensed dev files plus the deterministic synthetic sentences. */
export function trainingCorpus(real: readonly { text: string; label: Label }[], synth: readonly TrainDoc[]) {
  const docs: TrainDoc[] = real.map((d) => ({ text: d.text, label: d.label }));
  for (const s of synth) docs.push({ text: s.text, label: s.label, weight: SYNTH_WEIGHT });
  return docs;
}

/** Short deterministic content hash (FNV-1a) used as the model version. */
export function contentHash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}
