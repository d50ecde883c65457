/**
 * Keyed pseudonyms for the research export: HMAC-SHA-256 in plain TypeScript. WebCrypto's HMAC is async
 * and costs a promise per call; an export can hash tens of thousands of commenters, so this stays
 * synchronous. A test checks it against crypto.subtle.
 */

const ROUND_CONSTANTS = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
]);

const INITIAL_STATE = [
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
];

const BLOCK_BYTES = 64;
const schedule = new Uint32Array(64);

const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));

/** One 64-byte block into the running state. */
function compress(state: Int32Array, view: DataView, offset: number): void {
  for (let i = 0; i < 16; i++) schedule[i] = view.getUint32(offset + i * 4);
  for (let i = 16; i < 64; i++) {
    const w15 = schedule[i - 15] as number;
    const w2 = schedule[i - 2] as number;
    const s0 = rotr(w15, 7) ^ rotr(w15, 18) ^ (w15 >>> 3);
    const s1 = rotr(w2, 17) ^ rotr(w2, 19) ^ (w2 >>> 10);
    schedule[i] = ((schedule[i - 16] as number) + s0 + (schedule[i - 7] as number) + s1) | 0;
  }
  let a = state[0] as number;
  let b = state[1] as number;
  let c = state[2] as number;
  let d = state[3] as number;
  let e = state[4] as number;
  let f = state[5] as number;
  let g = state[6] as number;
  let h = state[7] as number;
  for (let i = 0; i < 64; i++) {
    const s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
    const choice = (e & f) ^ (~e & g);
    const t1 = (h + s1 + choice + (ROUND_CONSTANTS[i] as number) + (schedule[i] as number)) | 0;
    const s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
    const majority = (a & b) ^ (a & c) ^ (b & c);
    const t2 = (s0 + majority) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  state[0] = ((state[0] as number) + a) | 0;
  state[1] = ((state[1] as number) + b) | 0;
  state[2] = ((state[2] as number) + c) | 0;
  state[3] = ((state[3] as number) + d) | 0;
  state[4] = ((state[4] as number) + e) | 0;
  state[5] = ((state[5] as number) + f) | 0;
  state[6] = ((state[6] as number) + g) | 0;
  state[7] = ((state[7] as number) + h) | 0;
}

/** Hashes `message` on from `state`, which has already taken `before` bytes (whole blocks). */
function finish(state: Int32Array, message: Uint8Array, before: number): Uint8Array {
  // Message, 0x80, zero padding, then the bit length as a 64-bit big-endian integer.
  const paddedLength = Math.ceil((message.length + 9) / BLOCK_BYTES) * BLOCK_BYTES;
  const padded = new Uint8Array(paddedLength);
  padded.set(message);
  padded[message.length] = 0x80;
  const view = new DataView(padded.buffer);
  const bitLength = (before + message.length) * 8;
  view.setUint32(paddedLength - 8, Math.floor(bitLength / 0x1_0000_0000));
  view.setUint32(paddedLength - 4, bitLength >>> 0);
  for (let offset = 0; offset < paddedLength; offset += BLOCK_BYTES) compress(state, view, offset);
  const digest = new Uint8Array(32);
  const digestView = new DataView(digest.buffer);
  for (let i = 0; i < 8; i++) digestView.setUint32(i * 4, (state[i] as number) >>> 0);
  return digest;
}

export function sha256(message: Uint8Array): Uint8Array {
  return finish(Int32Array.from(INITIAL_STATE), message, 0);
}

/** HMAC-SHA-256 with the key's two padded blocks hashed once, for many messages. */
function createHmac(key: Uint8Array): (message: Uint8Array) => Uint8Array {
  const blockKey = new Uint8Array(BLOCK_BYTES);
  blockKey.set(key.length > BLOCK_BYTES ? sha256(key) : key);
  const keyed = (pad: number) => {
    const state = Int32Array.from(INITIAL_STATE);
    compress(state, new DataView(blockKey.map((byte) => byte ^ pad).buffer), 0);
    return state;
  };
  const inner = keyed(0x36);
  const outer = keyed(0x5c);
  return (message) => finish(outer.slice(), finish(inner.slice(), message, BLOCK_BYTES), BLOCK_BYTES);
}

export function hmacSha256(key: Uint8Array, message: Uint8Array): Uint8Array {
  return createHmac(key)(message);
}

const utf8 = new TextEncoder();

/** A fresh random key for one export; the caller keeps it in memory only. */
export function randomPseudonymKey(): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(32));
}

/** The per-install secret must be at least this long (bytes); 32 random bytes are expected. */
export const MIN_INSTALL_SECRET_BYTES = 16;

/**
 * Same study key and same install secret → same pseudonyms in every export of that study made on that
 * install. The install secret never leaves the CM's device, so a researcher holding the study key cannot
 * recompute pseudonyms from guessed handles; the label keeps this use of the secret apart from any other.
 */
export function studyPseudonymKey(studyKey: string, installSecret: Uint8Array): Uint8Array {
  if (!(installSecret instanceof Uint8Array) || installSecret.length < MIN_INSTALL_SECRET_BYTES) {
    throw new Error('a study key needs the per-install secret (at least 16 random bytes)');
  }
  const label = utf8.encode('desaffect research export study pseudonyms v2\u0000');
  const studyBytes = utf8.encode(studyKey);
  const message = new Uint8Array(label.length + studyBytes.length);
  message.set(label);
  message.set(studyBytes, label.length);
  return hmacSha256(installSecret, message);
}

// RFC 4648 base32 in lower case: only the digits 2–7, so a pseudonym never looks like a phone or order number.
const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

function base32(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += BASE32[(buffer >>> bits) & 31];
    }
  }
  return out;
}

/** 80 bits of the HMAC: collisions stay negligible for millions of commenters. */
const PSEUDONYM_BYTES = 10;

/** Returns `prefix_` + base32 of the keyed hash; identical inputs share one computation. */
export function createPseudonymiser(key: Uint8Array): (prefix: string, identity: string) => string {
  const hmac = createHmac(key);
  const cache = new Map<string, string>();
  return (prefix, identity) => {
    const cacheKey = `${prefix}\u0000${identity}`;
    let pseudonym = cache.get(cacheKey);
    if (pseudonym === undefined) {
      const digest = hmac(utf8.encode(cacheKey));
      pseudonym = `${prefix}_${base32(digest.subarray(0, PSEUDONYM_BYTES))}`;
      cache.set(cacheKey, pseudonym);
    }
    return pseudonym;
  };
}
