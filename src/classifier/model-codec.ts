/** The shipped model format: int8-quantised hashed weights (base64) with a per-class scale. */

export const MODEL_LABELS = ['troll', 'unhappy_customer', 'threat', 'neutral'] as const;
export const NUM_CLASSES = 4;

export interface ModelFile {
  format: 'desaffect-linear-v2';
  version: string;
  /** log2 of the number of hash buckets. */
  bits: number;
  labels: readonly string[];
  bias: readonly number[];
  scale: readonly number[];
  /** base64 of Int8 weights, bucket-major: w[bucket * 4 + class]. */
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
  w: Int8Array;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DEC = new Uint8Array(128);
for (let i = 0; i < B64.length; i++) DEC[B64.charCodeAt(i)] = i;

function dec(s: string, i: number): number {
  return DEC[s.charCodeAt(i) & 127] as number;
}

export function base64Decode(s: string): Uint8Array {
  let len = s.length;
  while (len > 0 && s.charCodeAt(len - 1) === 61) len--;
  const out = new Uint8Array(Math.floor((len * 3) / 4));
  let o = 0;
  let i = 0;
  for (; i + 4 <= len; i += 4) {
    const n = (dec(s, i) << 18) | (dec(s, i + 1) << 12) | (dec(s, i + 2) << 6) | dec(s, i + 3);
    out[o++] = (n >> 16) & 255;
    out[o++] = (n >> 8) & 255;
    out[o++] = n & 255;
  }
  const rest = len - i;
  if (rest >= 2) {
    const n = (dec(s, i) << 18) | (dec(s, i + 1) << 12) | (rest === 3 ? dec(s, i + 2) << 6 : 0);
    out[o++] = (n >> 16) & 255;
    if (rest === 3) out[o++] = (n >> 8) & 255;
  }
  return out;
}

function b64(n: number): string {
  return B64.charAt(n & 63);
}

export function base64Encode(bytes: Uint8Array): string {
  const parts: string[] = [];
  let s = '';
  let i = 0;
  const byte = (k: number) => bytes[k] as number;
  for (; i + 3 <= bytes.length; i += 3) {
    const n = (byte(i) << 16) | (byte(i + 1) << 8) | byte(i + 2);
    s += b64(n >> 18) + b64(n >> 12) + b64(n >> 6) + b64(n);
    if (s.length >= 65536) {
      parts.push(s);
      s = '';
    }
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = byte(i) << 16;
    s += `${b64(n >> 18)}${b64(n >> 12)}==`;
  } else if (rest === 2) {
    const n = (byte(i) << 16) | (byte(i + 1) << 8);
    s += `${b64(n >> 18)}${b64(n >> 12)}${b64(n >> 6)}=`;
  }
  parts.push(s);
  return parts.join('');
}

export function decodeModel(file: ModelFile): Model {
  const bytes = base64Decode(file.weights);
  const expected = (1 << file.bits) * NUM_CLASSES;
  if (bytes.length !== expected) throw new Error(`model: expected ${expected} weights, got ${bytes.length}`);
  return {
    version: file.version,
    bits: file.bits,
    mask: (1 << file.bits) - 1,
    bias: Float64Array.from(file.bias),
    scale: Float64Array.from(file.scale),
    w: new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length),
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
  const q = new Int8Array(w.length);
  for (let i = 0; i < w.length; i++) {
    const v = Math.round((w[i] as number) / (scale[i % NUM_CLASSES] as number));
    q[i] = Math.max(-127, Math.min(127, v));
  }
  const file: ModelFile = {
    format: 'desaffect-linear-v2',
    version,
    bits,
    labels: [...MODEL_LABELS],
    bias: Array.from(bias, (x) => Math.round(x * 1e6) / 1e6),
    scale: scale.map((x) => Number(x.toPrecision(8))),
    weights: base64Encode(new Uint8Array(q.buffer)),
  };
  return file;
}
