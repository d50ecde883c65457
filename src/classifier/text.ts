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

/** Emoji (code points) mapped to a word token; any other pictograph is a word of its own. */
const EMOJI_TOKENS: Record<string, string> = {
  emoeyeroll: '🙄😒😑🤨😏🥱',
  emolaugh: '😂🤣😆😹😅',
  emoangry: '😡🤬😠👿💢😤',
  emofinger: '🖕',
  emoweapon: '🔪🔫💣🗡⚔🪓🧨',
  emoskull: '💀☠⚰🪦',
  emofire: '🔥',
  emopos: '👍❤💕💖💗💙💚💛💜🧡🤍😍🥰😘🙏🤩😊☺🙂💯✨🎉👌🤗😁😄😃😀',
  // Applause is praise or, aimed at a failure, sarcasm: its own token, the context decides.
  emoclap: '👏',
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
/**
 * Any other pictograph is a word of its own, `emo` and its code point spelt in letters (🙃 → `emobpged`):
 * the model learns each one's weight, as for any word.
 */
const emojiWords = new Map<number, number[]>();
function emojiWord(cp: number): number[] {
  let codes = emojiWords.get(cp);
  if (!codes) {
    const letters = Array.from(cp.toString(16), (d) => String.fromCharCode(97 + Number.parseInt(d, 16)));
    codes = Array.from(` emo${letters.join('')} `, (x) => x.charCodeAt(0));
    emojiWords.set(cp, codes);
  }
  return codes;
}

/** ASCII emoticons, read as the emoji they stand for; longest first where one starts another. */
const EMOTICONS: readonly (readonly [string, number])[] = [
  [":'(", 0x1f622],
  [':-)', 0x1f642],
  [':)', 0x1f642],
  [':-(', 0x1f641],
  [':(', 0x1f641],
  [';-)', 0x1f609],
  [';)', 0x1f609],
  [':-D', 0x1f603],
  [':D', 0x1f603],
  ['xD', 0x1f606],
  ['XD', 0x1f606],
  [':-P', 0x1f61b],
  [':P', 0x1f61b],
  [':p', 0x1f61b],
  [':-/', 0x1f615],
  [':/', 0x1f615],
  ['<3', 0x2764],
  ['^_^', 0x1f60a],
  ['^^', 0x1f60a],
  ['-_-', 0x1f611],
];

/** Where an emoticon may sit: between spaces, the text's edges, brackets or punctuation ("http:/" is no ":/"). */
const EMOTICON_EDGES = new Set(Array.from(',.!?;:()[]"\'', (ch) => ch.charCodeAt(0)));
function isEmoticonEdge(c: number): boolean {
  return Number.isNaN(c) || c <= 32 || EMOTICON_EDGES.has(c);
}

/** The emoticon starting at `i` of `text` (its length and emoji), or null. */
function emoticonAt(text: string, i: number): readonly [string, number] | null {
  if (i > 0 && !isEmoticonEdge(text.charCodeAt(i - 1))) return null;
  for (const e of EMOTICONS) {
    if (text.startsWith(e[0], i) && isEmoticonEdge(text.charCodeAt(i + e[0].length))) return e;
  }
  return null;
}

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

/**
 * Invisible format characters: zero-width spaces and joiners, LRM/RLM, bidi embeddings, overrides and
 * isolates, word joiner and invisible operators, BOM, Arabic letter mark, Mongolian vowel separator,
 * combining grapheme joiner. The one definition used by the folding and by the cue snippets.
 */
export function isInvisible(c: number): boolean {
  return (
    (c >= 0x200b && c <= 0x200f) || // zero-width, LRM/RLM
    (c >= 0x202a && c <= 0x202e) || // bidi embeddings / overrides
    (c >= 0x2060 && c <= 0x206f) || // word joiner, invisible operators, bidi isolates
    c === 0xfeff ||
    c === 0x034f ||
    c === 0x061c ||
    c === 0x180e
  );
}

/** Combining marks (accents once decomposed; stacked, they are zalgo) and variation selectors. */
export function isCombiningMark(c: number): boolean {
  return (
    (c >= 0x300 && c <= 0x36f) ||
    (c >= 0x483 && c <= 0x489) ||
    (c >= 0x1ab0 && c <= 0x1aff) ||
    (c >= 0x1dc0 && c <= 0x1dff) ||
    (c >= 0x20d0 && c <= 0x20ff) ||
    (c >= 0xfe00 && c <= 0xfe0f) || // variation selectors
    (c >= 0xfe20 && c <= 0xfe2f)
  );
}

function isDropped(c: number): boolean {
  return isInvisible(c) || isCombiningMark(c);
}

/** Symbols used as letters inside words ("D€ATH", "$hit", "c@nnard", "FU₵K"). */
const LEET_SYMBOL: Record<number, number> = {
  8364: 101, // € → e
  36: 115, // $ → s
  162: 99, // ¢ → c
  8373: 99, // ₵ → c
  8361: 119, // ₩ → w
  64: 97, // @ → a (only between two letters: "@brand" stays a mention)
};

function isAsciiLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

function isSpaceLike(c: number): boolean {
  return (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x3000 || c === 0x1680;
}

function isApostrophe(c: number): boolean {
  return c === 0x2018 || c === 0x2019 || c === 0x02bc || c === 0x2032 || c === 0x02b9 || c === 0xff07;
}

const LINK_START = /https?:\/\/|www\./iy;

/** Where the link starting at `i` ends (the next space), or `i` when none starts there. */
function linkEnd(text: string, i: number): number {
  const next = text.charCodeAt(i + 1) | 32;
  if (next !== 116 && next !== 119) return i;
  const before = outLen > 0 ? (out[outLen - 1] as number) : 32;
  if ((before >= 97 && before <= 122) || (before >= 48 && before <= 57)) return i;
  LINK_START.lastIndex = i;
  if (!LINK_START.test(text)) return i;
  let end = i;
  for (let c = text.charCodeAt(end); end < text.length; c = text.charCodeAt(++end))
    if (c <= 32 || c === 0xa0 || isSpaceLike(c)) break;
  return end;
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
  /**
   * For each folded char, the index of the original char; one extra trailing entry (`text.length + 1`
   * entries are valid: the shared buffer itself, not a view cut to size for every comment).
   */
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

/** Of a text longer than MAX_CHARS, the part read from its end (a threat can close a long polite message). */
const TAIL_CHARS = 2000;

/** The beginning and the end of a long text, joined by a paragraph break so no word straddles the cut. */
function headAndTail(raw: string): string {
  if (raw.length <= MAX_CHARS) return raw;
  return `${raw.slice(0, MAX_CHARS - TAIL_CHARS - 2)}\n\n${raw.slice(raw.length - TAIL_CHARS)}`;
}

/**
 * Folds `raw` (its beginning and its end when longer than MAX_CHARS). The returned `map` is a shared
 * buffer: copy its first `text.length + 1` entries to keep it.
 */
export function fold(raw: string): Folded {
  const fullLength = raw.length;
  let text = headAndTail(raw);
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
    if (
      c === 0x24 ||
      c === 0x40 ||
      (c > 0x7f && (c === 0xa2 || c === 0x20ac || c === 0x20b5 || c === 0x20a9))
    ) {
      const prevLetter =
        outLen > 0 && (out[outLen - 1] as number) >= 97 && (out[outLen - 1] as number) <= 122;
      const nextLetter = i + 1 < n && isAsciiLetter(text.charCodeAt(i + 1));
      if (c === 0x40 ? prevLetter && nextLetter : prevLetter || nextLetter) {
        letters++;
        push(LEET_SYMBOL[c] as number, i);
        continue;
      }
    }
    if (c < 0x80) {
      if ((c | 32) === 104 || (c | 32) === 119) {
        const end = linkEnd(text, i);
        if (end > i) {
          // A link is not the commenter's words: it gives no token, and its capitals, "?" and "!" count
          // for nothing. In the training files it marks the source (80 % trolls, most of them MLMA's).
          push(32, i);
          i = end - 1;
          continue;
        }
      }
      // ":(" is 🙁: the first characters of an emoticon (: ; x X < ^ -) are checked, nothing else.
      if (c === 58 || c === 59 || c === 120 || c === 88 || c === 60 || c === 94 || c === 45) {
        const emoticon = emoticonAt(text, i);
        if (emoticon) {
          pushAll(EMOJI_MAP.get(emoticon[1]) ?? emojiWord(emoticon[1]), i);
          i += emoticon[0].length - 1;
          continue;
        }
      }
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
        else if (isPictographic(cp)) pushAll(emojiWord(cp), i);
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
      pushAll(emojiWord(c), i);
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
    map: outMap,
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

/** Punctuation that ends a sentence (. ! ? ; or a line break), or only a clause (, and :). */
const ENDS_CLAUSE = 1;
const ENDS_SENTENCE = 2;
const PUNCTUATION_ENDS = new Uint8Array(128);
for (const c of '.!?;\n') PUNCTUATION_ENDS[c.charCodeAt(0)] = ENDS_CLAUSE | ENDS_SENTENCE;
for (const c of ',:') PUNCTUATION_ENDS[c.charCodeAt(0)] = ENDS_CLAUSE;

function endsBetween(text: string, from: number, to: number, what: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 128 && (PUNCTUATION_ENDS[c] as number) & what) return true;
  }
  return false;
}

/**
 * Whether punctuation that closes a clause (. ! ? ; : , or a line break) stands in `text` between `from`
 * and `to`: where a negation stops reaching, where a quoted run of words stops, and what a threat frame's
 * verb and target may not straddle.
 */
export const breaksClause = (text: string, from: number, to: number): boolean =>
  endsBetween(text, from, to, ENDS_CLAUSE);

/** Whether punctuation that ends a sentence (. ! ? ; or a line break) stands in `text` between `from` and `to`. */
export const breaksSentence = (text: string, from: number, to: number): boolean =>
  endsBetween(text, from, to, ENDS_SENTENCE);

/** Whether the sentence running on from `from` in `text` ends with a question mark. */
export function endsInQuestion(text: string, from: number): boolean {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 63) return true;
    if (c === 46 || c === 33 || c === 59 || c === 10) return false;
  }
  return false;
}

export const MAX_TOKENS = 2000;
/** Token start/end offsets in the folded text (shared buffers). */
export const tokStart = new Int32Array(MAX_TOKENS);
export const tokEnd = new Int32Array(MAX_TOKENS);
/** Token strings (shared array, valid up to the returned count). */
export const tokens: string[] = [];

/**
 * Texting spellings and contractions written without an apostrophe, folded to the words the lexicons
 * use ("jsuis" → "je suis", "tjrs" → "toujours", "cmd" → "commande", "dont" → "don t"). Only unambiguous
 * forms: "vs", "dc", "cb", "mm" and the like are left alone.
 */
const EXPANSIONS: Record<string, string> = {
  // French
  jsuis: 'je suis',
  jsui: 'je suis',
  chui: 'je suis',
  chuis: 'je suis',
  jsuiss: 'je suis',
  jai: 'j ai',
  jvais: 'je vais',
  jvai: 'je vais',
  jte: 'je te',
  jme: 'je me',
  jle: 'je le',
  jla: 'je la',
  jlui: 'je lui',
  jvous: 'je vous',
  jveux: 'je veux',
  jpeux: 'je peux',
  jsais: 'je sais',
  chai: 'je sais',
  chais: 'je sais',
  jsp: 'je sais pas',
  chepa: 'je sais pas',
  chaipa: 'je sais pas',
  chaipas: 'je sais pas',
  jcrois: 'je crois',
  jpense: 'je pense',
  jfais: 'je fais',
  jdis: 'je dis',
  jcomprend: 'je comprends',
  jcomprends: 'je comprends',
  jattends: 'j attends',
  jattend: 'j attends',
  tjrs: 'toujours',
  tjr: 'toujours',
  tjs: 'toujours',
  toujour: 'toujours',
  jamai: 'jamais',
  jame: 'jamais',
  jms: 'jamais',
  cmd: 'commande',
  cmde: 'commande',
  cde: 'commande',
  pb: 'probleme',
  pbm: 'probleme',
  pblm: 'probleme',
  pr: 'pour',
  ds: 'dans',
  qd: 'quand',
  qnd: 'quand',
  kan: 'quand',
  kand: 'quand',
  bcp: 'beaucoup',
  tt: 'tout',
  ts: 'tous',
  tte: 'toute',
  ttes: 'toutes',
  koi: 'quoi',
  kwa: 'quoi',
  ki: 'qui',
  ke: 'que',
  tro: 'trop',
  bi1: 'bien',
  pk: 'pourquoi',
  pq: 'pourquoi',
  pkoi: 'pourquoi',
  pourkoi: 'pourquoi',
  vrmt: 'vraiment',
  vrm: 'vraiment',
  nrv: 'enerve',
  nrve: 'enerve',
  srx: 'serieux',
  dsl: 'desole',
  slt: 'salut',
  bjr: 'bonjour',
  bnjr: 'bonjour',
  rdv: 'rendez vous',
  msg: 'message',
  mtn: 'maintenant',
  mnt: 'maintenant',
  auj: 'aujourd hui',
  ajd: 'aujourd hui',
  aujd: 'aujourd hui',
  ojd: 'aujourd hui',
  tkt: 't inquiete',
  ct: 'c etait',
  cete: 'c etait',
  nimp: 'n importe quoi',
  sal: 'sale',
  // English
  dont: 'don t',
  cant: 'can t',
  wont: 'won t',
  didnt: 'didn t',
  doesnt: 'doesn t',
  isnt: 'isn t',
  wasnt: 'wasn t',
  werent: 'weren t',
  arent: 'aren t',
  havent: 'haven t',
  hasnt: 'hasn t',
  couldnt: 'couldn t',
  shouldnt: 'shouldn t',
  wouldnt: 'wouldn t',
  aint: 'ain t',
  im: 'i m',
  ive: 'i ve',
  youre: 'you re',
  theyre: 'they re',
  youll: 'you ll',
  u: 'you',
  ur: 'your',
  pls: 'please',
  plz: 'please',
  cuz: 'because',
  coz: 'because',
  bc: 'because',
};
const EXPANSION_MAP = new Map<string, readonly string[]>(
  Object.entries(EXPANSIONS).map(([k, v]) => [k, v.split(' ')]),
);

/**
 * A cheap signature of a word (length, first and last characters) for filters that spare most tokens a
 * Map lookup: a word can only be in a set if its signature is marked in the set's filter.
 */
function wordSig(w: string): number {
  const n = w.length;
  return n === 0 ? 0 : (n * 977 + w.charCodeAt(0) * 31 + w.charCodeAt(n - 1)) & 4095;
}

/** A signature filter for a set of words (see `wordSig`). */
function sigFilter(words: Iterable<string>): Uint8Array {
  const f = new Uint8Array(4096);
  for (const w of words) f[wordSig(w)] = 1;
  return f;
}

const EXPANSION_SIG = sigFilter(EXPANSION_MAP.keys());
/** After a lone "c" (texting for "c'est": "c nul", "c pas normal"), an "est" is implied. */
const AFTER_C_OK = new Set(['est', 'etait', 'a', 'en', 'et', 'ou', 'la', 'le']);

/** Digits used as letters inside a word ("k1ll", "sh1t", "c0nnard"): 0 1 3 4 5 7 → o i e a s t. */
const LEET_DIGIT: Record<number, number> = { 48: 111, 49: 105, 51: 101, 52: 97, 53: 115, 55: 116 };

function unleet(tok: string): string {
  const n = tok.length;
  let hasDigit = false;
  for (let k = 1; k < n - 1; k++) {
    const c = tok.charCodeAt(k);
    if (c >= 48 && c <= 57) {
      hasDigit = true;
      break;
    }
  }
  if (!hasDigit) return tok;
  let r = '';
  let changed = false;
  for (let k = 0; k < n; k++) {
    const c = tok.charCodeAt(k);
    const m = LEET_DIGIT[c];
    if (m !== undefined && k > 0 && k < n - 1) {
      const a = tok.charCodeAt(k - 1);
      const b = tok.charCodeAt(k + 1);
      if (a >= 97 && a <= 122 && b >= 97 && b <= 122) {
        r += String.fromCharCode(m);
        changed = true;
        continue;
      }
    }
    r += tok.charAt(k);
  }
  return changed ? r : tok;
}

function emit(count: number, tok: string, s: number, e: number): number {
  if (count >= MAX_TOKENS) return count;
  tokStart[count] = s;
  tokEnd[count] = e;
  tokens[count] = tok;
  return count + 1;
}

/**
 * Splits the folded text into tokens (letters/digits runs; apostrophes, hyphens and punctuation split,
 * so French elisions l'/j'/qu'/d' become their own short tokens; `fold` has left links out). Texting
 * spellings and apostrophe-less contractions are expanded (each part keeps the span of the original).
 */
export function tokenize(f: string): number {
  let count = 0;
  const n = f.length;
  let i = 0;
  let loneC = false;
  let cS = 0;
  let cE = 0;
  while (i < n && count < MAX_TOKENS) {
    while (i < n && !isTokenChar(f.charCodeAt(i))) i++;
    if (i >= n) break;
    const s = i;
    let digits = 0;
    while (i < n) {
      const c = f.charCodeAt(i);
      if (!isTokenChar(c)) break;
      if (c >= 48 && c <= 57) digits++;
      i++;
    }
    let tok = f.slice(s, i);
    if (digits > 0 && digits < tok.length && tok.length >= 3) tok = unleet(tok);
    // "c nul", "c trop cher": texting "c" for "c'est" (not before an apostrophe: "c'est" is already split).
    if (loneC && !AFTER_C_OK.has(tok)) count = emit(count, 'est', cS, cE);
    loneC = tok === 'c' && (i >= n || f.charCodeAt(i) !== 39);
    if (loneC) {
      cS = s;
      cE = i;
    }
    const x = tok.length <= 10 && EXPANSION_SIG[wordSig(tok)] === 1 ? EXPANSION_MAP.get(tok) : undefined;
    if (x) for (const part of x) count = emit(count, part, s, i);
    else count = emit(count, tok, s, i);
  }
  // The shared array holds exactly this text's tokens, so callers may join it.
  tokens.length = count;
  return count;
}
