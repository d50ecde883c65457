/**
 * Redaction of free text (comment text, check-in notes) into typed placeholders. Errs towards
 * over-redaction: a lost word costs a researcher little, a leaked address costs a commenter a lot.
 *
 * Matching happens on folded views of the text, never on the raw characters (anonymize-fold.ts): the
 * pattern rules (anonymize-patterns.ts) read it without compatibility forms nor invisible characters,
 * names are compared without case, diacritics or look-alike letters. Each view keeps a map back to the
 * original, so what is not redacted is written as the commenter wrote it and what is redacted is
 * replaced whole.
 */
import { compatView, foldName, nameView, type View } from './anonymize-fold';
import { digitTokens, isReference, PLACEHOLDERS, RULES_BEFORE_NAMES, type Rule } from './anonymize-patterns';

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
const LETTERS = /\p{L}+/gu;
/** Where a name or handle splits into parts besides non-letters: ApollineTessandier, SNCFService. */
const CASE_CHANGE = /(?<=\p{Ll})(?=\p{Lu})|(?<=\p{Lu})(?=\p{Lu}\p{Ll})/gu;

/** What may separate the parts of one name in a text: "Jo Wu", "Jo-Wu", "J. Wu", "d'Arc". */
const NAME_GAP = /^[\s.'’-]{1,3}$/u;
const COMBINING = /^\p{M}$/u;

// ---------------------------------------------------------------------------------------------------
// Names

/** The parts of a name or handle: apolline_tessandier, ApollineTessandier, apolline.t75 → apolline, tessandier… */
const nameParts = (source: string): string[] =>
  [...foldName(source.replace(CASE_CHANGE, ' ')).matchAll(LETTERS)].map(([part]) => part);

/**
 * The words of a name, handle, brand or page path that the redactor replaces by [NAME] anywhere: each
 * word as written (troll_du_75) and each of its parts, since a handle names its owner in its parts.
 */
export function nameTokens(source: string): string[] {
  const tokens = new Set<string>();
  for (const [token] of foldName(source).matchAll(TOKEN)) tokens.add(token);
  for (const part of nameParts(source)) tokens.add(part);
  return [...tokens].filter((token) => token.length >= MIN_NAME_TOKEN && !NOT_NAMES.has(token));
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
    // troll_jo_wu is the sequence troll, jo, wu too.
    const parts = nameParts(source);
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

/** Masks and records what `rule` redacts; a match redacted only in part leaves the rest to be read again. */
function applyRule(work: string, rule: Rule, spans: Span[]): string {
  if (rule.needs && !rule.needs.test(work)) return work;
  const { pattern } = rule;
  pattern.lastIndex = 0;
  let out = '';
  let copied = 0;
  for (let match = pattern.exec(work); match !== null; match = pattern.exec(work)) {
    const redaction = rule.redact(match);
    if (redaction === null || redaction.length === 0) continue;
    const start = match.index;
    const end = start + redaction.length;
    spans.push({ start, end, placeholder: redaction.placeholder });
    out += work.slice(copied, start) + mask(redaction.length);
    copied = end;
    pattern.lastIndex = end;
  }
  return copied === 0 ? work : out + work.slice(copied);
}

/** The last rule: spans only, the working text is not needed afterwards. */
function findReferences(work: string, spans: Span[]): void {
  for (const [start, end] of digitTokens(work)) {
    if (isReference(work.slice(start, end))) spans.push({ start, end, placeholder: '[NUMBER]' });
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
  // By start, the longest first; among equals the later rule, which swallowed the earlier placeholder
  // (reversed, then a stable sort). Not an insertion sort: spans of several rules interleave, and a text
  // full of them would take quadratic time.
  spans.reverse().sort((a, b) => a.start - b.start || b.end - a.end);
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
