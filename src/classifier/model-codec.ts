/**
 * The shipped model format: int8-quantised hashed weights with a per-class scale, one character per weight,
 * read where they stand: a service worker that starts has nothing to decode.
 */

export const MODEL_LABELS = ['troll', 'unhappy_customer', 'threat', 'neutral'] as const;
export const NUM_CLASSES = 4;

export interface ModelFile {
  format: 'desaffect-linear-v3';
  version: string;
  /** log2 of the number of hash buckets. */
  bits: number;
  labels: readonly string[];
  bias: readonly number[];
  scale: readonly number[];
  /**
   * Int8 weights, bucket-major (w[bucket * 4 + class]), one character each: code (w + 64) & 255, so the
   * small weights (nearly all) are printable ASCII and the file stays small. Read with `weightAt`.
   */
  weights: string;
  /** Training data provenance and licences (attribution for share-alike sources). */
  notice?: string;
  /** SHA-256 of the classifier's code and of each training file when the weights were trained. */
  inputs?: { code: Record<string, string>; data: Record<string, string> };
}

export interface Model {
  version: string;
  bits: number;
  mask: number;
  bias: Float64Array;
  scale: Float64Array;
  /** The weights as stored (`ModelFile.weights`): read with `weightAt`. */
  w: string;
}

/** A weight's character: its int8 value plus 64, wrapped to a byte (small weights are printable ASCII). */
function weightChar(v: number): string {
  return String.fromCharCode((v + 64) & 255);
}

/** The int8 weight at index `i` of a model's weight string. */
export function weightAt(w: string, i: number): number {
  return ((w.charCodeAt(i) - 64) << 24) >> 24;
}

export function decodeModel(file: ModelFile): Model {
  const expected = (1 << file.bits) * NUM_CLASSES;
  if (file.weights.length !== expected)
    throw new Error(`model: expected ${expected} weights, got ${file.weights.length}`);
  return {
    version: file.version,
    bits: file.bits,
    mask: (1 << file.bits) - 1,
    bias: Float64Array.from(file.bias),
    scale: Float64Array.from(file.scale),
    w: file.weights,
  };
}

/** Quantises float weights (bucket-major, 4 classes) to int8 with a per-class scale. */
export function quantize(
  w: Float32Array | Float64Array,
  bias: ArrayLike<number>,
  bits: number,
  version: string,
) {
  const max = new Float64Array(NUM_CLASSES);
  for (let i = 0; i < w.length; i++) {
    const c = i % NUM_CLASSES;
    max[c] = Math.max(max[c] as number, Math.abs(w[i] as number));
  }
  const scale = Array.from(max, (m) => (m > 0 ? m / 127 : 1));
  const chars: string[] = [];
  for (let i = 0; i < w.length; i++) {
    const v = Math.round((w[i] as number) / (scale[i % NUM_CLASSES] as number));
    chars.push(weightChar(Math.max(-127, Math.min(127, v))));
  }
  const file: ModelFile = {
    format: 'desaffect-linear-v3',
    version,
    bits,
    labels: [...MODEL_LABELS],
    bias: Array.from(bias, (x) => Math.round(x * 1e6) / 1e6),
    scale: scale.map((x) => Number(x.toPrecision(8))),
    weights: chars.join(''),
  };
  return file;
}
