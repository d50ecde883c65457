/**
 * Text normalisation and tokenisation for the classifier (pure, allocation-light, deterministic).
 *
 * `fold()` turns the raw comment into a lower-case, accent-free, emoji-mapped string in a module-level
 * buffer, keeping for every folded character the index of the original character it came from, so that
 * cues can quote the original text (with its accents) while all matching happens on the folded form.
 */

/** The classifier only looks at this many characters of a comment. */
export const MAX_CHARS = 5000;

const BUF_CAP = MAX_CHARS * 12 + 64;
const out = new Uint16Array(BUF_CAP);
const outMap = new Int32Array(BUF_CAP + 1);
let outLen = 0;

/** Replacement text for each BMP code unit below 0x250 (lower-case, accents stripped); '' = drop. */
const LOW_TABLE: string[] = [];
for (let c = 0; c < 0x250; c++) {
  const ch = String.fromCharCode(c);
  let r = ch.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  if (c < 0x20 || (c >= 0x7f && c < 0xa0) || c === 0xa0) r = ' ';
  if (c === 0xad) r = '';
  LOW_TABLE.push(r);
}
const SPECIAL_LOW: Record<number, string> = {
  339: 'oe',
  338: 'oe',
  230: 'ae',
  198: 'ae',
  223: 'ss',
  248: 'o',
  216: 'o',
  273: 'd',
  272: 'd',
  322: 'l',
  321: 'l',
  180: "'",
  96: "'",
  178: '2',
  179: '3',
};
for (const [k, v] of Object.entries(SPECIAL_LOW)) LOW_TABLE[Number(k)] = v;
const LOW_CODES: number[][] = LOW_TABLE.map((s) => Array.from(s, (x) => x.charCodeAt(0)));

/** Emoji (code points) mapped to a word token; other pictographs become `emo`. */
const EMOJI_TOKENS: Record<string, string> = {
  emoeyeroll: '🙄😒😑🤨😏🥱',
  emolaugh: '😂🤣😆😹😅😁😄😃😀',
  emoangry: '😡🤬😠👿💢😤',
  emofinger: '🖕',
  emoweapon: '🔪🔫💣🗡⚔🪓🧨',
  emoskull: '💀☠⚰🪦',
  emofire: '🔥',
  emopos: '👍❤💕💖💗💙💚💛💜🧡🤍😍🥰😘🙏👏🤩😊☺🙂💯✨🎉👌🤗',
  emosad: '😢😭😞😔😟🙁☹😩😫💔',
  emoclown: '🤡',
  emopoop: '💩',
  emovomit: '🤮🤢',
  emothink: '🤔',
  emowait: '⏳⌛⏰🕐',
  emobox: '📦🚚',
};
const EMOJI_MAP = new Map<number, number[]>();
for (const [tok, chars] of Object.entries(EMOJI_TOKENS)) {
  const codes = Array.from(` ${tok} `, (x) => x.charCodeAt(0));
  for (const ch of chars) EMOJI_MAP.set(ch.codePointAt(0) ?? 0, codes);
}
const EMO_GENERIC = Array.from(' emo ', (x) => x.charCodeAt(0));

function isPictographic(cp: number): boolean {
  return (
    (cp >= 0x1f000 && cp <= 0x1faff) ||
    (cp >= 0x2600 && cp <= 0x27bf) ||
    (cp >= 0x2b00 && cp <= 0x2bff) ||
    (cp >= 0x2190 && cp <= 0x21ff) ||
    (cp >= 0x2300 && cp <= 0x23ff) ||
    (cp >= 0x1f900 && cp <= 0x1f9ff)
  );
}

function isDropped(c: number): boolean {
  return (
    (c >= 0x300 && c <= 0x36f) || // combining marks (zalgo)
    (c >= 0x483 && c <= 0x489) ||
    (c >= 0x1ab0 && c <= 0x1aff) ||
    (c >= 0x1dc0 && c <= 0x1dff) ||
    (c >= 0x20d0 && c <= 0x20ff) ||
    (c >= 0xfe00 && c <= 0xfe0f) || // variation selectors
    (c >= 0xfe20 && c <= 0xfe2f) ||
    (c >= 0x200b && c <= 0x200f) || // zero-width, LRM/RLM
    (c >= 0x202a && c <= 0x202e) || // bidi embeddings / overrides
    (c >= 0x2060 && c <= 0x206f) ||
    c === 0xfeff ||
    c === 0x034f
  );
}

function isSpaceLike(c: number): boolean {
  return (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x3000 || c === 0x1680;
}

function isApostrophe(c: number): boolean {
  return c === 0x2018 || c === 0x2019 || c === 0x02bc || c === 0x2032 || c === 0x02b9 || c === 0xff07;
}

let runCode = -1;

function push(code: number, src: number): void {
  if (outLen >= BUF_CAP - 2) return;
  if (code === 32) {
    runCode = -1;
    if (outLen === 0 || out[outLen - 1] === 32) return;
  } else if (!(code >= 48 && code <= 57)) {
    // Elongations: a run of 3+ identical letters/punctuation becomes one ("nuuuul" → "nul",
    // "connaaard" → "connard", "!!!" → "!"); genuine double letters ("connard", "cool") are kept.
    if (runCode === code && outLen > 0 && out[outLen - 1] === code) return;
    if (outLen >= 2 && out[outLen - 1] === code && out[outLen - 2] === code) {
      outLen--;
      runCode = code;
      return;
    }
    runCode = -1;
  } else runCode = -1;
  out[outLen] = code;
  outMap[outLen] = src;
  outLen++;
}

function pushAll(codes: readonly number[], src: number): void {
  for (let k = 0; k < codes.length; k++) push(codes[k] as number, src);
}

export interface Folded {
  /** Folded text. */
  text: string;
  /** For each folded char, the index of the original char; one extra trailing entry. */
  map: Int32Array;
  /** The (possibly truncated) original text that `map` points into. */
  original: string;
  /** Letters, upper-case letters, exclamation marks, question marks in the original. */
  letters: number;
  upper: number;
  exclaims: number;
  questions: number;
  /** Original length before truncation. */
  fullLength: number;
  truncated: boolean;
  /** Accented Latin letters typical of French (é è à ç ù ê â î ô û ë ï œ). */
  frenchChars: number;
}

const HTML_ENTITY = /&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|(amp|lt|gt|quot|apos|nbsp));/gi;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(s: string): string {
  return s.replace(HTML_ENTITY, (_m, dec: string | undefined, hex: string | undefined, name?: string) => {
    if (name) return NAMED[name.toLowerCase()] ?? ' ';
    const cp = dec ? Number.parseInt(dec, 10) : Number.parseInt(hex ?? '0', 16);
    if (!Number.isFinite(cp) || cp <= 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return ' ';
    return String.fromCodePoint(cp);
  });
}

/** Folds `raw` (capped at MAX_CHARS). The returned `map` is a view on a shared buffer: copy it to keep it. */
export function fold(raw: string): Folded {
  const fullLength = raw.length;
  let text = fullLength > MAX_CHARS ? raw.slice(0, MAX_CHARS) : raw;
  if (text.indexOf('&') !== -1) text = decodeEntities(text);
  outLen = 0;
  runCode = -1;
  let letters = 0;
  let upper = 0;
  let exclaims = 0;
  let questions = 0;
  let frenchChars = 0;
  const n = text.length;
  push(32, 0);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (c >= 65 && c <= 90) {
        letters++;
        upper++;
        push(c + 32, i);
      } else if (c >= 97 && c <= 122) {
        letters++;
        push(c, i);
      } else if (c === 33) {
        exclaims++;
        push(c, i);
      } else if (c === 63) {
        questions++;
        push(c, i);
      } else if (c < 32 || c === 127) {
        push(32, i);
      } else if (c === 96) {
        push(39, i);
      } else {
        push(c, i);
      }
      continue;
    }
    if (c < 0x250) {
      const codes = LOW_CODES[c] as number[];
      if (codes.length > 0 && codes[0] !== 32) {
        letters++;
        if (c >= 0xc0 && c <= 0xde && c !== 0xd7) upper++;
        if (
          c === 0xe9 ||
          c === 0xe8 ||
          c === 0xe0 ||
          c === 0xe7 ||
          c === 0xf9 ||
          c === 0xea ||
          c === 0xe2 ||
          c === 0xee ||
          c === 0xf4 ||
          c === 0xfb ||
          c === 0xeb ||
          c === 0xef ||
          c === 0x153
        )
          frenchChars++;
      }
      pushAll(codes, i);
      continue;
    }
    if (isDropped(c)) continue;
    if (isSpaceLike(c)) {
      push(32, i);
      continue;
    }
    if (isApostrophe(c)) {
      push(39, i);
      continue;
    }
    if (c >= 0xff01 && c <= 0xff5e) {
      // Full-width ASCII.
      let a = c - 0xfee0;
      if (a >= 65 && a <= 90) a += 32;
      if ((a >= 97 && a <= 122) || (a >= 48 && a <= 57)) letters++;
      push(a, i);
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = i + 1 < n ? text.charCodeAt(i + 1) : 0;
      if (d >= 0xdc00 && d <= 0xdfff) {
        const cp = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
        const mapped = EMOJI_MAP.get(cp);
        if (mapped) pushAll(mapped, i);
        else if (isPictographic(cp)) pushAll(EMO_GENERIC, i);
        else if (cp >= 0x1d400 && cp <= 0x1d7ff) {
          // Mathematical alphanumerics ("𝐜𝐨𝐧𝐧𝐚𝐫𝐝"): fold to ASCII.
          const s = String.fromCodePoint(cp).normalize('NFKD').toLowerCase();
          for (let k = 0; k < s.length; k++) push(s.charCodeAt(k), i);
          letters++;
        } else if (cp >= 0x1f3fb && cp <= 0x1f3ff) {
          // Skin-tone modifiers: drop.
        } else if (cp >= 0xe0000 && cp <= 0xe007f) {
          // Tag characters: drop.
        } else push(32, i);
        i++;
        continue;
      }
      push(32, i); // lone high surrogate
      continue;
    }
    if (c >= 0xdc00 && c <= 0xdfff) {
      push(32, i); // lone low surrogate
      continue;
    }
    const mapped = EMOJI_MAP.get(c);
    if (mapped) {
      pushAll(mapped, i);
      continue;
    }
    if (isPictographic(c)) {
      pushAll(EMO_GENERIC, i);
      continue;
    }
    if ((c >= 0x2010 && c <= 0x2015) || c === 0x2212) {
      push(45, i);
      continue;
    }
    if ((c >= 0x2016 && c <= 0x206f) || (c >= 0x3000 && c <= 0x303f) || c === 0xfffd || c >= 0xfff0) {
      push(32, i);
      continue;
    }
    // Other scripts: keep, lower-cased when it is a simple 1:1 mapping.
    const lower = String.fromCharCode(c).toLowerCase();
    letters++;
    push(lower.length === 1 ? lower.charCodeAt(0) : c, i);
  }
  push(32, n);
  outMap[outLen] = n;
  let s = '';
  for (let k = 0; k < outLen; k += 8192) {
    s += String.fromCharCode.apply(null, out.subarray(k, Math.min(outLen, k + 8192)) as unknown as number[]);
  }
  return {
    text: s,
    map: outMap.subarray(0, outLen + 1),
    original: text,
    letters,
    upper,
    exclaims,
    questions,
    fullLength,
    truncated: fullLength > MAX_CHARS,
    frenchChars,
  };
}

function isTokenChar(c: number): boolean {
  if (c >= 97 && c <= 122) return true;
  if (c >= 48 && c <= 57) return true;
  if (c < 0x80) return false;
  if (c >= 0xa0 && c <= 0xbf) return false;
  if (c === 0xd7 || c === 0xf7) return false;
  if (c >= 0x2000 && c <= 0x2bff) return false;
  return true;
}

export const MAX_TOKENS = 2000;
/** Token start/end offsets in the folded text (shared buffers). */
export const tokStart = new Int32Array(MAX_TOKENS);
export const tokEnd = new Int32Array(MAX_TOKENS);
/** Token strings (shared array, valid up to the returned count). */
export const tokens: string[] = [];

/**
 * Splits the folded text into tokens (letters/digits runs; apostrophes, hyphens and punctuation split,
 * so French elisions l'/j'/qu'/d' become their own short tokens). URLs become the token `url`.
 */
export function tokenize(f: string): number {
  let count = 0;
  const n = f.length;
  let i = 0;
  while (i < n && count < MAX_TOKENS) {
    while (i < n && !isTokenChar(f.charCodeAt(i))) i++;
    if (i >= n) break;
    const s = i;
    while (i < n && isTokenChar(f.charCodeAt(i))) i++;
    let tok = f.slice(s, i);
    let e = i;
    if ((tok === 'http' || tok === 'https' || tok === 'www') && i < n && f.charCodeAt(i) !== 32) {
      while (i < n && f.charCodeAt(i) !== 32) i++;
      tok = 'url';
      e = i;
    }
    tokStart[count] = s;
    tokEnd[count] = e;
    tokens[count] = tok;
    count++;
  }
  return count;
}

/** Folds and tokenises a lexicon phrase the same way as comments, like comment text. */
export function phraseTokens(phrase: string): string[] {
  const f = fold(phrase);
  const n = tokenize(f.text);
  const r: string[] = [];
  for (let k = 0; k < n; k++) r.push(tokens[k] as string);
  return r;
}
