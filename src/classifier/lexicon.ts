/** Compiles the lexicons into token-indexed matchers (built once, lazily) and runs them over a comment. */
import { LEXICON, type LexKind, NUMBER_WORDS } from './lexicon-data';
import { phraseTokens } from './text';

const T = { Exact: 0, Prefix: 1, Gap: 2, Num: 3 } as const;

interface PTok {
  t: number;
  s: string;
}

export interface Entry {
  kind: LexKind;
  label: string;
  weight: number;
  toks: PTok[];
  id: number;
}

export interface Hit {
  entry: Entry;
  /** Token range [start, end). */
  start: number;
  end: number;
}

/** Entries sharing an exact first token, indexed again by an exact second token when they have one. */
interface Bucket {
  next: Map<string, Entry[]>;
  other: Entry[];
}

export interface Matcher {
  exact: Map<string, Bucket>;
  prefix: Map<number, Entry[]>;
  numFirst: Entry[];
  entries: Entry[];
}

const PREFIX_KEY = 3;

/** Numeric key of a token's first three characters (no allocation). */
export function prefixKey(tok: string): number {
  return (
    ((tok.charCodeAt(0) & 0x3ff) << 20) | ((tok.charCodeAt(1) & 0x3ff) << 10) | (tok.charCodeAt(2) & 0x3ff)
  );
}
let numberSet: Set<string> | null = null;

function parsePhrase(raw: string): { toks: PTok[]; weight: number } {
  let phrase = raw;
  let weight = 1;
  const eq = phrase.lastIndexOf('=');
  if (eq > 0) {
    weight = Number(phrase.slice(eq + 1));
    phrase = phrase.slice(0, eq);
  }
  const toks: PTok[] = [];
  for (const word of phrase.split(/\s+/)) {
    if (!word) continue;
    if (word === '~') {
      toks.push({ t: T.Gap, s: '' });
      continue;
    }
    if (word === '#') {
      toks.push({ t: T.Num, s: '' });
      continue;
    }
    const isPrefix = word.endsWith('*');
    const parts = phraseTokens(isPrefix ? word.slice(0, -1) : word);
    parts.forEach((p, k) => {
      toks.push({ t: isPrefix && k === parts.length - 1 ? T.Prefix : T.Exact, s: p });
    });
  }
  return { toks, weight };
}

function addTo<K>(map: Map<K, Entry[]>, key: K, e: Entry): void {
  const list = map.get(key);
  if (list) list.push(e);
  else map.set(key, [e]);
}

/** Builds a matcher from lexicon groups (phrases in the lexicon syntax). */
export function buildMatcher(
  groups: readonly { kind: LexKind; label: string; phrases: readonly string[] }[],
) {
  const m: Matcher = { exact: new Map(), prefix: new Map(), numFirst: [], entries: [] };
  for (const g of groups) {
    for (const raw of g.phrases) {
      const { toks, weight } = parsePhrase(raw);
      const first = toks[0];
      if (!first || first.t === T.Gap || !Number.isFinite(weight)) continue;
      const e: Entry = { kind: g.kind, label: g.label, weight, toks, id: m.entries.length };
      m.entries.push(e);
      if (first.t === T.Num) m.numFirst.push(e);
      else if (first.t === T.Prefix && first.s.length >= PREFIX_KEY) addTo(m.prefix, prefixKey(first.s), e);
      else {
        let b = m.exact.get(first.s);
        if (!b) {
          b = { next: new Map(), other: [] };
          m.exact.set(first.s, b);
        }
        const second = toks[1];
        if (first.t === T.Exact && second && second.t === T.Exact) addTo(b.next, second.s, e);
        else b.other.push(e);
      }
    }
  }
  return m;
}

let defaultMatcher: Matcher | null = null;
export function getMatcher(): Matcher {
  if (!defaultMatcher) defaultMatcher = buildMatcher(LEXICON);
  return defaultMatcher;
}

function isNumber(tok: string): boolean {
  if (!numberSet) numberSet = new Set(NUMBER_WORDS);
  const c = tok.charCodeAt(0);
  if (c >= 48 && c <= 57) return true;
  return numberSet.has(tok);
}

function tokMatches(p: PTok, tok: string): boolean {
  if (p.t === T.Exact) return tok === p.s;
  if (p.t === T.Prefix) return tok.startsWith(p.s);
  if (p.t === T.Num) return isNumber(tok);
  return false;
}

const MAX_GAP = 3;

/** Returns the end token index (exclusive) of a match of `toks[k..]` starting at token `i`, or -1. */
function matchFrom(toks: PTok[], k: number, sq: readonly string[], i: number, n: number): number {
  if (k === toks.length) return i;
  const p = toks[k] as PTok;
  if (p.t === T.Gap) {
    for (let g = 0; g <= MAX_GAP && i + g <= n; g++) {
      const r = matchFrom(toks, k + 1, sq, i + g, n);
      if (r >= 0) return r;
    }
    return -1;
  }
  if (i >= n) return -1;
  if (!tokMatches(p, sq[i] as string)) return -1;
  return matchFrom(toks, k + 1, sq, i + 1, n);
}

function tryEntries(list: Entry[] | undefined, sq: readonly string[], i: number, n: number, hits: Hit[]) {
  if (!list) return;
  for (let j = 0; j < list.length; j++) {
    const e = list[j] as Entry;
    if (!tokMatches(e.toks[0] as PTok, sq[i] as string)) continue;
    const end = matchFrom(e.toks, 1, sq, i + 1, n);
    if (end >= 0) hits.push({ entry: e, start: i, end });
  }
}

/** Finds every lexicon hit in the folded tokens `sq[0..n)`, appending to `hits`. */
export function matchAll(m: Matcher, sq: readonly string[], n: number, hits: Hit[]): void {
  for (let i = 0; i < n; i++) {
    const tok = sq[i] as string;
    const b = m.exact.get(tok);
    if (b) {
      tryEntries(b.other, sq, i, n, hits);
      if (i + 1 < n && b.next.size > 0) tryEntries(b.next.get(sq[i + 1] as string), sq, i, n, hits);
    }
    if (tok.length >= PREFIX_KEY) tryEntries(m.prefix.get(prefixKey(tok)), sq, i, n, hits);
    if (m.numFirst.length > 0 && isNumber(tok)) tryEntries(m.numFirst, sq, i, n, hits);
  }
}

// ------------------------------------------------------------------ threat combinations
// A violent verb + a first-person speaker before it + a target ("you", "te", "ta famille"...) around it
// is a threat even when the exact phrase is not listed ("I'm going to cut your throat", "je vais
// te défoncer la tête", "on va tous vous égorger").

const VIOLENT_STEMS = [
  // English (trailing * = prefix)
  'kill',
  'kills',
  'killing',
  'killed',
  'murder*',
  'shoot*',
  'shot',
  'stab',
  'stabbing',
  'stabbed',
  'stabs',
  'hurt',
  'hurting',
  'beat',
  'beating',
  'punch*',
  'kick',
  'kicking',
  'rape',
  'raped',
  'strangl*',
  'choke',
  'choking',
  'burn',
  'burning',
  'bomb',
  'bombing',
  'slit',
  'cut',
  'flay*',
  'tortur*',
  'smash*',
  'find',
  'hunt*',
  'destroy*',
  'skin',
  'bash*',
  'slap*',
  'knock*',
  'drown*',
  'behead*',
  'execut*',
  'slaughter*',
  'butcher*',
  'gut',
  'lynch*',
  'kidnap*',
  'stomp*',
  'strangle',
  'shove',
  // French
  'tuer',
  'tue',
  'tues',
  'tuerai',
  'tuera',
  'tuerons',
  'tueront',
  'tuez',
  'buter',
  'bute',
  'buterai',
  'butera',
  'crever',
  'creverai',
  'egorg*',
  'plant*',
  'defonc*',
  'massacr*',
  'brul*',
  'saign*',
  'eclat*',
  'fumer',
  'retrouv*',
  'viol*',
  'frapper',
  'frappe',
  'tabass*',
  'cogner',
  'etrangl*',
  'decapit*',
  'flingu*',
  'descendr*',
  'allumer',
  'niquer',
  'exploser',
  'explos*',
  'trouver',
  'crame*',
  'demolir',
  'demonter',
  'latter',
  'poignard*',
  'pend*',
  'noyer',
  'lyncher',
  'fracas*',
  'casser',
  'peter',
  'briser',
  'detruire',
];

const SPEAKERS = [
  'i',
  'im',
  'ill',
  'il',
  'id',
  'ima',
  'imma',
  'we',
  'were',
  'well',
  'je',
  'j',
  'on',
  'nous',
  'jvais',
  'ils',
  'someone',
  'somebody',
  'quelqu',
  'quelquun',
];
const TARGETS_AFTER = [
  'you',
  'u',
  'ya',
  'yo',
  'your',
  'ur',
  'him',
  'his',
  'her',
  'them',
  'their',
  'family',
  'kids',
  'wife',
  'everyone',
  'yall',
  'toi',
  'ta',
  'ton',
  'tes',
  'vous',
  'famille',
  'gueule',
  'tete',
  'race',
  'mere',
];
const TARGETS_BEFORE = ['te', 't', 'vous', 'les', 'la', 'le', 'jte'];

const BENIGN_AFTER = new Set([
  'a',
  'an',
  'email',
  'emails',
  'mail',
  'message',
  'dm',
  'text',
  'line',
  'note',
  'un',
  'une',
]);
const SEARCH_VERBS = new Set(['find', 'trouver', 'retrouver']);

const comboEntry: Entry = { kind: 'threat', label: 'threat', weight: 1, toks: [], id: -1 };
const weakComboEntry: Entry = { kind: 'threat', label: 'violent language', weight: 0.3, toks: [], id: -2 };

let verbExact: Set<string> | null = null;
let verbPrefix: Map<number, string[]> | null = null;
let speakers: Set<string> | null = null;
let targetsAfter: Set<string> | null = null;
let targetsBefore: Set<string> | null = null;

function initCombos(): void {
  verbExact = new Set();
  verbPrefix = new Map();
  for (const raw of VIOLENT_STEMS) {
    if (raw.endsWith('*')) {
      const stem = raw.slice(0, -1);
      const key = prefixKey(stem);
      const list = verbPrefix.get(key);
      if (list) list.push(stem);
      else verbPrefix.set(key, [stem]);
    } else verbExact.add(raw);
  }
  speakers = new Set(SPEAKERS);
  targetsAfter = new Set(TARGETS_AFTER);
  targetsBefore = new Set(TARGETS_BEFORE);
}

function isViolentVerb(tok: string): boolean {
  if ((verbExact as Set<string>).has(tok)) return true;
  if (tok.length < PREFIX_KEY) return false;
  const list = (verbPrefix as Map<number, string[]>).get(prefixKey(tok));
  if (!list) return false;
  for (const stem of list) if (tok.startsWith(stem)) return true;
  return false;
}

/** Appends threat hits found by the verb/speaker/target combination rule. */
export function matchThreatCombos(sq: readonly string[], n: number, hits: Hit[], brk: Uint8Array): void {
  if (!verbExact) initCombos();
  const sp = speakers as Set<string>;
  const ta = targetsAfter as Set<string>;
  const tb = targetsBefore as Set<string>;
  for (let i = 0; i < n; i++) {
    const tok = sq[i] as string;
    if (!isViolentVerb(tok)) continue;
    let speaker = -1;
    let targetBefore = false;
    for (let j = i - 1; j >= 0 && j >= i - 5; j--) {
      if (brk[j + 1] === 1) break;
      const t = sq[j] as string;
      if (sp.has(t)) speaker = j;
      if (tb.has(t)) targetBefore = true;
    }
    let targetEnd = -1;
    for (let j = i + 1; j < n && j <= i + 4; j++) {
      if (brk[j] === 1) break;
      if (ta.has(sq[j] as string)) {
        targetEnd = j + 1;
        break;
      }
    }
    // "I'll shoot you an email", "we'll find you a seat": not threats.
    if (targetEnd > 0 && targetEnd < n && BENIGN_AFTER.has(sq[targetEnd] as string)) continue;
    const hasTarget = targetEnd > 0 || (targetBefore && speaker >= 0);
    if (speaker >= 0 && hasTarget) {
      hits.push({ entry: comboEntry, start: speaker, end: targetEnd > 0 ? targetEnd : i + 1 });
    } else if (targetEnd > 0 && !SEARCH_VERBS.has(tok)) {
      hits.push({ entry: weakComboEntry, start: i, end: targetEnd });
    }
  }
}
