/**
 * Redaction of free text (comment text, check-in notes) into typed placeholders. Errs towards
 * over-redaction: a lost word costs a researcher little, a leaked address costs a commenter a lot.
 *
 * Matching happens on folded views of the text, never on the raw characters: compatibility forms
 * (𝐃𝐮𝐩𝐨𝐧𝐭, Ｄｕｐｏｎｔ, ０６ １８…, ＠handle) are folded by NFKC, and names are also compared without case
 * or diacritics. Each view keeps a map back to the original, so what is not redacted is written as the
 * commenter wrote it and what is redacted is replaced whole.
 */

export const PLACEHOLDERS = ['HANDLE', 'NAME', 'EMAIL', 'PHONE', 'URL', 'NUMBER', 'ADDRESS'] as const;

/**
 * Name parts shorter than this are not redacted wherever they appear (else "le", "jo" would go
 * everywhere): only in their @handle form, inside the full name they belong to ("Jo Wu"), or right next
 * to another part of the same name ("Jo Fontaine").
 */
const MIN_NAME_TOKEN = 3;

/** Function words that may appear in display names but would wipe out ordinary text if redacted. */
const NOT_NAMES = new Set([
  ...PLACEHOLDERS.map((p) => p.toLowerCase()),
  ...'les des une pour par avec dans sur pas est mon ton son nos vos qui que mais donc car tout tous elle ils nous vous'.split(
    ' ',
  ),
  ...'the and for you not are but this that with from was our your'.split(' '),
]);

/** Short particles of names: never redacted for being next to a name ("la Fontaine" keeps "la"). */
const PARTICLES = new Set(
  'a d e l y da de di do du el la le of et ou en au aux van von der den del des dos das ten ter'.split(' '),
);

/** Path parts of platform permalinks that name no one. */
const GENERIC_PATH_WORDS = new Set(
  'status statuses posts post photo photos videos video permalink php story groups comment_id watch reel reels web www https http com'.split(
    ' ',
  ),
);

const TOKEN = /[\p{L}\p{N}_]+/gu;

/** What may separate the parts of one name in a text: "Jo Wu", "Jo-Wu", "J. Wu", "d'Arc". */
const NAME_GAP = /^[\s.'’-]{1,3}$/u;
const MARKS = /\p{M}/gu;
const COMBINING = /^\p{M}$/u;
const ASCII = /^\p{ASCII}*$/u;

// ---------------------------------------------------------------------------------------------------
// Folded views with a map back to the original

/** A transformed text and, unless it is index-for-index the original, where each unit came from. */
interface View {
  text: string;
  /** start[i], end[i]: the original code point that produced unit i; null = identity. */
  start: Int32Array | null;
  end: Int32Array | null;
}

const compatCache = new Map<string, string>();
const nameFoldCache = new Map<string, string>();
/** The same, by UTF-16 unit for the Basic Multilingual Plane: the hot path of every text. */
const nameFoldBmp: Array<string | undefined> = [];

/** NFKC of one code point: 𝐃 → D, Ｄ → D, ０ → 0, ＠ → @, ﬁ → fi; case and accents kept. */
function compatChar(char: string): string {
  let folded = compatCache.get(char);
  if (folded === undefined) {
    folded = char.normalize('NFKC');
    compatCache.set(char, folded);
  }
  return folded;
}

function foldNameChar(char: string): string {
  return char
    .normalize('NFKD')
    .replace(MARKS, '')
    .toLowerCase()
    .normalize('NFKD')
    .replace(MARKS, '')
    .replaceAll('ß', 'ss')
    .replaceAll('ς', 'σ');
}

/** The form names are compared in: NFKC, no diacritics (nor stacked marks), lower case, ß = ss. */
function nameChar(char: string): string {
  if (char.length === 1) {
    const code = char.charCodeAt(0);
    let folded = nameFoldBmp[code];
    if (folded === undefined) {
      folded = foldNameChar(char);
      nameFoldBmp[code] = folded;
    }
    return folded;
  }
  let folded = nameFoldCache.get(char);
  if (folded === undefined) {
    folded = foldNameChar(char);
    nameFoldCache.set(char, folded);
  }
  return folded;
}

/** Applies `fold` code point by code point, with the map back when lengths change. */
function foldedView(text: string, fold: (char: string) => string): View {
  let out = '';
  let sameLength = true;
  for (const char of text) {
    const folded = fold(char);
    if (folded.length !== char.length) {
      sameLength = false;
      break;
    }
    out += folded;
  }
  if (sameLength) return { text: out, start: null, end: null };
  const parts: string[] = [];
  const start: number[] = [];
  const end: number[] = [];
  let index = 0;
  for (const char of text) {
    const folded = fold(char);
    parts.push(folded);
    for (let i = 0; i < folded.length; i++) {
      start.push(index);
      end.push(index + char.length);
    }
    index += char.length;
  }
  return { text: parts.join(''), start: Int32Array.from(start), end: Int32Array.from(end) };
}

function compatView(text: string): View {
  return text.normalize('NFKC') === text ? { text, start: null, end: null } : foldedView(text, compatChar);
}

/** Latin letters and general punctuation: folded by one native replace, never to nothing. */
const LATIN_OR_PUNCTUATION = /^[^\u0250-\u1fff\u2070-\uffff]*$/;
const FOLDABLE = /[\u00a0-\u024f\u2000-\u206f]/g;

function nameView(text: string): View {
  if (ASCII.test(text)) return { text: text.toLowerCase(), start: null, end: null };
  if (LATIN_OR_PUNCTUATION.test(text)) {
    // Each character folds to at least one: the same length means one for one, positions kept.
    const folded = text.replace(FOLDABLE, nameChar).toLowerCase();
    if (folded.length === text.length) return { text: folded, start: null, end: null };
  }
  return foldedView(text, nameChar);
}

/** The folded form of a name, handle, brand or path, as the redactor compares it. */
export const foldName = (source: string): string => nameView(source.normalize('NFC')).text;

// ---------------------------------------------------------------------------------------------------
// Names

/** The words of a name, handle, brand or page path that the redactor replaces by [NAME] anywhere. */
export function nameTokens(source: string): string[] {
  const tokens: string[] = [];
  for (const [token] of foldName(source).matchAll(TOKEN)) {
    if (token.length >= MIN_NAME_TOKEN && !NOT_NAMES.has(token)) tokens.push(token);
  }
  return tokens;
}

/** Page and account names hidden in a permalink path or a thread key (e.g. facebook.com/BrandPage/posts/…). */
export function pathNameTokens(urlOrPath: string): string[] {
  // Drops the scheme and host (a thread key has none); cheaper than new URL() on every row.
  const path = urlOrPath.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '');
  return nameTokens(path).filter((token) => !GENERIC_PATH_WORDS.has(token));
}

const isShortPart = (token: string) => token.length < MIN_NAME_TOKEN && !PARTICLES.has(token);

interface NameIndex {
  /** Words redacted wherever they appear. */
  words: Set<string>;
  /** Full names holding short parts, by first word: redacted when the whole sequence appears. */
  sequences: Map<string, string[][]>;
  /** Short parts of the names a word belongs to: redacted when right next to that word. */
  companions: Map<string, Set<string>>;
}

function indexNames(nameSources: Iterable<string>, pathSources: Iterable<string>): NameIndex {
  const index: NameIndex = { words: new Set(), sequences: new Map(), companions: new Map() };
  const seen = new Set<string>();
  for (const source of nameSources) {
    if (typeof source !== 'string' || !source || seen.has(source)) continue;
    seen.add(source);
    for (const word of nameTokens(source)) index.words.add(word);
    // troll_jo_wu is the sequence jo, wu too.
    const parts = [...foldName(source).matchAll(TOKEN)]
      .flatMap(([token]) => token.split('_'))
      .filter(Boolean);
    const shortParts = parts.filter(isShortPart);
    if (parts.length < 2 || shortParts.length === 0) continue;
    const sequences = index.sequences.get(parts[0] as string) ?? [];
    if (!sequences.some((known) => known.join(' ') === parts.join(' '))) sequences.push(parts);
    index.sequences.set(parts[0] as string, sequences);
    for (const part of parts) {
      const companions = index.companions.get(part) ?? new Set<string>();
      for (const short of shortParts) if (short !== part) companions.add(short);
      index.companions.set(part, companions);
    }
  }
  for (const source of pathSources) for (const word of pathNameTokens(source)) index.words.add(word);
  return index;
}

interface Token {
  start: number;
  end: number;
  word: string;
}

/** Indices of the tokens that name someone; tokens are in text order. */
function nameHits(folded: string, tokens: Token[], names: NameIndex): Set<number> {
  const hits = new Set<number>();
  const adjacent = (left: number, right: number) =>
    NAME_GAP.test(folded.slice((tokens[left] as Token).end, (tokens[right] as Token).start));
  tokens.forEach(({ word }, i) => {
    // jean_dupont_75 names someone when one of its parts is a known name, even if the whole is new.
    if (names.words.has(word) || (word.includes('_') && word.split('_').some((p) => names.words.has(p)))) {
      hits.add(i);
    }
    const sequences = names.sequences.get(word);
    if (!sequences) return;
    for (const sequence of sequences) {
      if (i + sequence.length > tokens.length) continue;
      let whole = true;
      for (let j = 1; j < sequence.length && whole; j++) {
        whole = tokens[i + j]?.word === sequence[j] && adjacent(i + j - 1, i + j);
      }
      if (whole) for (let j = 0; j < sequence.length; j++) hits.add(i + j);
    }
  });
  if (names.companions.size === 0 || hits.size === 0) return hits;
  // Short parts next to a part of their own name, outwards from each hit ("Jo Li Fontaine").
  for (const i of [...hits]) {
    const companions = names.companions.get((tokens[i] as Token).word);
    if (!companions) continue;
    for (const step of [-1, 1]) {
      for (
        let j = i + step;
        j >= 0 && j < tokens.length && adjacent(Math.min(j, j - step), Math.max(j, j - step));
        j += step
      ) {
        const word = (tokens[j] as Token).word;
        if (hits.has(j) && !isShortPart(word)) break;
        if (!companions.has(word)) break;
        hits.add(j);
      }
    }
  }
  return hits;
}

// ---------------------------------------------------------------------------------------------------
// Pattern rules

/** Builds a pattern matching a word in either initial case (Rue, rue), for case-sensitive patterns. */
const eitherCase = (word: string) =>
  `[${(word[0] as string).toUpperCase()}${(word[0] as string).toLowerCase()}]${word.slice(1)}`;

const STREET_WORDS = [
  'rue',
  'avenue',
  'av\\.?',
  'ave\\.?',
  'bd\\.?',
  'boulevard',
  'bvd',
  'chemin',
  'place',
  'pl\\.',
  'allée',
  'allee',
  'impasse',
  'quai',
  'route',
  'rte',
  'cours',
  'square',
  'faubourg',
  'passage',
  'street',
  'st\\.?',
  'road',
  'rd\\.?',
  'lane',
  'drive',
  'way',
  'close',
].map(eitherCase);
const STREET = `(?:${STREET_WORDS.join('|')})(?![\\p{L}])`;
const CAPITALISED = "\\p{Lu}[\\p{L}'’]*";
const LINKERS = "(?:de la |de l'|de l’|du |des |de |d'|d’|la |le |les )?";
const TLDS =
  'com|fr|net|org|io|co|be|ch|ca|de|uk|eu|info|biz|me|ly|gl|tv|app|dev|xyz|shop|store|online|site|example|test|gouv|lu|es|it|nl|us|ru|cn|jp|br|pt|pl|ma|dz|tn|sn|ci|cm|re|ai|gg|to|link|page|news|blog|live|tech|club|media|bzh|paris';
const URL_TAIL = `[^\\s<>"'()\\[\\]]*`;

interface Rule {
  pattern: RegExp;
  /** A cheap test a text must pass for the pattern to have any chance. */
  needs?: RegExp;
  /** The placeholder for a match, or null to leave it. */
  placeholder: (match: string) => string | null;
  /** A URL at the end of a sentence keeps its full stop or comma outside the placeholder. */
  keepTrailingPunctuation?: boolean;
}

const always = (placeholder: string) => () => placeholder;

/** Order matters: e-mails before handles (both hold @), URLs before numbers (ids in paths). */
const RULES_BEFORE_NAMES: readonly Rule[] = [
  {
    pattern: /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu,
    needs: /@/,
    placeholder: always('[EMAIL]'),
  },
  {
    pattern: new RegExp(`(?:https?://|www\\.)${URL_TAIL}`, 'giu'),
    needs: /https?:\/\/|www\./i,
    placeholder: always('[URL]'),
    keepTrailingPunctuation: true,
  },
  {
    // Bare domains: a known top-level domain, or any domain followed by a path (example.com/x).
    pattern: new RegExp(
      `(?<![\\p{L}\\p{N}@._-])[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.(?:(?:${TLDS})(?![\\p{L}\\p{N}-])(?:[/?#]${URL_TAIL})?|\\p{L}{2,24}/${URL_TAIL})`,
      'giu',
    ),
    needs: /\.\p{L}/u,
    placeholder: always('[URL]'),
    keepTrailingPunctuation: true,
  },
  { pattern: /@[\p{L}\p{N}_.]+/gu, needs: /@/, placeholder: always('[HANDLE]') },
  {
    // French and international numbers: 8 digits or more with spaces, dots, dashes or brackets between.
    pattern: /(?<![\p{L}\p{N}])(?:\+|00)?\(?\d[\d \t.()-]{5,}\d(?!\p{N})/gu,
    needs: /\d/,
    placeholder: (match) => (countDigits(match) >= 8 ? '[PHONE]' : null),
  },
  {
    // A number, up to three capitalised words, then a street word, then the rest of the street name.
    pattern: new RegExp(
      `(?<![\\p{L}\\p{N}])\\d{1,4}\\s?(?:bis|ter|[a-dA-D])?,?\\s+(?:${CAPITALISED}\\s+){0,3}${STREET}[^\\n,;!?.]{0,60}`,
      'gu',
    ),
    needs: /\d/,
    placeholder: always('[ADDRESS]'),
  },
  {
    // A street word followed by a capitalised name, without a number ("rue des Lilas").
    pattern: new RegExp(`(?<![\\p{L}])${STREET}\\s+${LINKERS}${CAPITALISED}(?:[ -]${CAPITALISED})*`, 'gu'),
    placeholder: always('[ADDRESS]'),
  },
  {
    // French postcode and city.
    pattern: new RegExp(
      `(?<![\\p{N}])\\d{5}\\s+${CAPITALISED}(?:(?:[ -](?:sur|sous|lès|les|en|de|la|le|du)[ -])?[ -]?${CAPITALISED})*`,
      'gu',
    ),
    needs: /\d{5}/,
    placeholder: always('[ADDRESS]'),
  },
];

const CLOCK_TIME = /^\d{1,2}h\d{0,2}$/i;
const HAS_DIGIT = /\p{N}/u;
const TRAILING_PUNCTUATION = /[.,;:!?]+$/;

/** Digits in a text, any script. */
function countDigits(text: string): number {
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) digits++;
    else if (code > 127 && HAS_DIGIT.test(text.charAt(i))) digits++;
  }
  return digits;
}

function isReference(token: string): boolean {
  const digits = countDigits(token);
  if (digits === 0 || CLOCK_TIME.test(token)) return false;
  if (token.startsWith('#') || /\p{N}{4}/u.test(token)) return true;
  return /\p{L}/u.test(token) && token.length >= 5 && digits >= 2;
}

/** After names, so a handle like troll_75 written without @ reads [NAME] rather than [NUMBER]. */
export const REFERENCE_RULE: Rule = {
  // Order, ticket and account references: a digit run of 4+, a #reference, or a mixed code like A12B34.
  pattern: /#?[\p{L}\p{N}]+(?:[-_/.][\p{L}\p{N}]+)*/gu,
  needs: /\p{N}/u,
  placeholder: (match) => (isReference(match) ? '[NUMBER]' : null),
};

// ---------------------------------------------------------------------------------------------------
// Spans: what each rule found, in the coordinates of the compatibility view

interface Span {
  start: number;
  end: number;
  placeholder: string;
}

/**
 * What replaces a redacted stretch in the working text, so later rules neither see the words again nor
 * glue to them: brackets (like a placeholder's) around a control character that no rule takes for a
 * letter, digit or space. One byte, so a Latin text stays a one-byte string: regexes run twice as fast.
 */
const MASK_FILL = '\u0001';
const mask = (length: number) =>
  length >= 2 ? `[${MASK_FILL.repeat(length - 2)}]` : MASK_FILL.repeat(Math.max(length, 0));

function applyRule(work: string, rule: Rule, spans: Span[]): string {
  if (rule.needs && !rule.needs.test(work)) return work;
  // No pattern has a capturing group: the second argument is the offset.
  return work.replace(rule.pattern, (match: string, offset: number) => {
    const placeholder = rule.placeholder(match);
    if (placeholder === null) return match;
    const kept = rule.keepTrailingPunctuation ? (TRAILING_PUNCTUATION.exec(match)?.[0].length ?? 0) : 0;
    if (kept === match.length) return match;
    const length = match.length - kept;
    spans.push({ start: offset, end: offset + length, placeholder });
    return mask(length) + match.slice(length);
  });
}

/**
 * The tokens of REFERENCE_RULE that hold a digit, and only those (the others are never references): the
 * same chains of letters and digits joined by single `-_/.`, starting where REFERENCE_RULE's would — at
 * a `#`, or at a letter or digit that does not follow one.
 */
export const DIGIT_TOKEN =
  /(?:#|(?<![\p{L}\p{N}]))(?:[\p{L}\p{N}]+[-_/.])*[\p{L}\p{N}]*\p{N}[\p{L}\p{N}]*(?:[-_/.][\p{L}\p{N}]+)*/gu;

/** The last rule: spans only, the working text is not needed afterwards. */
function findReferences(work: string, spans: Span[]): void {
  if (!REFERENCE_RULE.needs?.test(work)) return;
  DIGIT_TOKEN.lastIndex = 0;
  for (let match = DIGIT_TOKEN.exec(work); match !== null; match = DIGIT_TOKEN.exec(work)) {
    const token = match[0];
    const placeholder = REFERENCE_RULE.placeholder(token);
    if (placeholder !== null)
      spans.push({ start: match.index, end: match.index + token.length, placeholder });
  }
}

const isNameWord = (names: NameIndex, word: string) =>
  names.words.has(word) ||
  names.sequences.has(word) ||
  (word.includes('_') && word.split('_').some((part) => names.words.has(part)));

function applyNames(work: string, names: NameIndex, spans: Span[]): string {
  if (names.words.size === 0 && names.sequences.size === 0) return work;
  const folded = nameView(work);
  // Most texts name no one: one pass to find out before building anything.
  const words = folded.text.match(TOKEN);
  if (!words?.some((word) => isNameWord(names, word))) return work;
  const tokens: Token[] = [];
  for (const match of folded.text.matchAll(TOKEN)) {
    tokens.push({ start: match.index, end: match.index + match[0].length, word: match[0] });
  }
  const hits = nameHits(folded.text, tokens, names);
  if (hits.size === 0) return work;
  let out = '';
  let copied = 0;
  for (const i of [...hits].sort((a, b) => a - b)) {
    const token = tokens[i] as Token;
    const start = folded.start ? (folded.start[token.start] as number) : token.start;
    const end = folded.end ? (folded.end[token.end - 1] as number) : token.end;
    if (start < copied) continue;
    spans.push({ start, end, placeholder: '[NAME]' });
    out += work.slice(copied, start) + mask(end - start);
    copied = end;
  }
  return out + work.slice(copied);
}

/** `a` comes before `b` (recorded earlier) when it starts first, or starts with it and is longer or as long. */
const precedes = (a: Span, b: Span) => a.start < b.start || (a.start === b.start && a.end >= b.end);

/** Writes the original text with every span replaced; overlapping spans merge, the outer one naming it. */
function assemble(source: string, compat: View, spans: Span[]): string {
  // In place: spans move from the coordinates of the compatibility view to those of the source.
  for (const span of spans) {
    if (compat.start && compat.end) {
      span.start = compat.start[span.start] as number;
      span.end = compat.end[span.end - 1] as number;
    }
    // Marks stacked on the last letter of a redacted word go with it.
    while (span.end < source.length && COMBINING.test(source[span.end] as string)) span.end++;
  }
  // By start, the longest first; among equals the later rule, which swallowed the earlier placeholder.
  // Insertion sort, stable: texts hold a few spans, and sort() would allocate for each text.
  for (let i = 1; i < spans.length; i++) {
    const span = spans[i] as Span;
    let j = i - 1;
    while (j >= 0 && precedes(span, spans[j] as Span)) {
      spans[j + 1] = spans[j] as Span;
      j--;
    }
    spans[j + 1] = span;
  }
  let out = '';
  let copied = 0;
  let current: Span | null = null;
  for (const span of spans) {
    if (current && span.start < current.end) {
      // Overlaps (an address around a phone): one placeholder for the union, the outer rule's.
      if (span.end > current.end) current.end = span.end;
      continue;
    }
    if (current) {
      out += source.slice(copied, current.start) + current.placeholder;
      copied = current.end;
    }
    current = span;
  }
  if (current) {
    out += source.slice(copied, current.start) + current.placeholder;
    copied = current.end;
  }
  return out + source.slice(copied);
}

export type Redactor = (text: string) => string;

/**
 * A redactor knowing the names seen in the data: `nameSources` are whole names and handles (authors,
 * the CM's accounts, brands), `pathSources` permalinks and thread keys holding page names. Pattern rules
 * first, then names (word by word, and short parts within their full name), then references.
 */
export function createRedactor(nameSources: Iterable<string>, pathSources: Iterable<string> = []): Redactor {
  const names = indexNames(nameSources, pathSources);
  return (raw) => {
    if (typeof raw !== 'string' || raw === '') return '';
    const source = raw.normalize('NFC');
    const compat = compatView(source);
    const spans: Span[] = [];
    let work = compat.text;
    for (const rule of RULES_BEFORE_NAMES) work = applyRule(work, rule, spans);
    work = applyNames(work, names, spans);
    findReferences(work, spans);
    return spans.length === 0 ? source : assemble(source, compat, spans);
  };
}
