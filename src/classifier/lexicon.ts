/** Lexicon matchers: compiled from phrases or decoded from model/lexicon.json, and run over a comment. */
import { EN_WORDS, FR_WORDS, type LexKind, NUMBER_WORDS } from './lexicon-data';
import { phraseTokens } from './text';

const T = { Exact: 0, Prefix: 1, Gap: 2, Num: 3, Digits: 4 } as const;

interface PTok {
  t: number;
  s: string;
}

export interface Entry {
  kind: LexKind;
  label: string;
  weight: number;
  id: number;
  /** Scratch for the engine: the analysis in which this entry last counted (one hit per entry). */
  seen: number;
  /** Scratch for the engine: the feature hash of this entry's kind (0 = not computed yet). */
  feat?: number;
}

export interface Hit {
  entry: Entry;
  /** Token range [start, end). */
  start: number;
  end: number;
}

/**
 * A token trie: one node per phrase prefix. Edges are exact tokens, token prefixes (`word*`, indexed by
 * their first three characters), a number slot (`#`) or a gap (`~`, up to three arbitrary tokens).
 */
interface Node {
  exact: Map<string, Node> | null;
  /** Prefix edges keyed by `prefixKey` of the prefix (prefixes of three characters or more). */
  prefix: Map<number, { s: string; node: Node }[]> | null;
  /** Prefix edges shorter than three characters (rare). */
  shortPrefix: { s: string; node: Node }[] | null;
  num: Node | null;
  /** `##`: digits only (a street number, not "un"/"une"). */
  digits: Node | null;
  gap: Node | null;
  /** Entries whose phrase ends here. */
  ends: Entry[] | null;
  /** On the root's children only: automata enabled by this word, and automata that may start with it. */
  anchors: Automaton[] | null;
  starts: Automaton[] | null;
  /** A root child not decoded yet (see `decodeMatcher`): where its encoding starts; else -1. */
  pending: number;
}

export interface Matcher {
  root: Node;
  /** Phrases with too many variants for the trie. */
  big: Automata;
  entries: Entry[];
  /** Where pending nodes are decoded from (a matcher decoded from model/lexicon.json). */
  source: TrieSource | null;
}

const PREFIX_KEY = 3;

/** Numeric key of a token's first three characters (no allocation). */
export function prefixKey(tok: string): number {
  return (
    ((tok.charCodeAt(0) & 0x3ff) << 20) | ((tok.charCodeAt(1) & 0x3ff) << 10) | (tok.charCodeAt(2) & 0x3ff)
  );
}
let numberSet: Set<string> | null = null;

function newNode(): Node {
  return {
    exact: null,
    prefix: null,
    shortPrefix: null,
    num: null,
    digits: null,
    gap: null,
    ends: null,
    anchors: null,
    starts: null,
    pending: -1,
  };
}

/** A parsed phrase: tokens and `(a|b)` alternations of sub-sequences. */
type Item = PTok | Item[][];

/** Token tests shared by all phrases (one object per distinct test). */
const ptoks = new Map<string, PTok>();
function ptok(t: number, s: string): PTok {
  const key = `${t}${s}`;
  let p = ptoks.get(key);
  if (!p) {
    p = { t, s };
    ptoks.set(key, p);
  }
  return p;
}
const GAP: PTok = { t: T.Gap, s: '' };
const NUM: PTok = { t: T.Num, s: '' };
const DIGITS: PTok = { t: T.Digits, s: '' };

/** Parses a phrase (without its weight) into alternatives of item sequences; `memo` caches word folding. */
function parseItems(text: string, memo: Map<string, readonly PTok[]>): Item[][] {
  let pos = 0;
  const n = text.length;
  // The alternatives of a group (or of the whole phrase), each a sequence of items.
  const alternatives = (): Item[][] => {
    const alts: Item[][] = [];
    let seq: Item[] = [];
    while (pos < n) {
      const c = text.charCodeAt(pos);
      if (c === 40) {
        pos++;
        seq.push(alternatives()); // (
      } else if (c === 41) {
        pos++;
        break; // )
      } else if (c === 124) {
        pos++;
        alts.push(seq); // |
        seq = [];
      } else if (c === 32) pos++;
      else {
        const start = pos;
        while (pos < n) {
          const d = text.charCodeAt(pos);
          if (d === 32 || d === 40 || d === 41 || d === 124) break;
          pos++;
        }
        const w = text.slice(start, pos);
        let toks = memo.get(w);
        if (!toks) {
          toks = wordTokens(w);
          memo.set(w, toks);
        }
        for (let k = 0; k < toks.length; k++) seq.push(toks[k] as PTok);
      }
    }
    alts.push(seq);
    return alts;
  };
  return alternatives();
}

function wordTokens(w: string): readonly PTok[] {
  if (w === '~') return [GAP];
  if (w === '#') return [NUM];
  if (w === '##') return [DIGITS];
  const isPrefix = w.endsWith('*');
  const words = phraseTokens(isPrefix ? w.slice(0, -1) : w);
  const last = words.length - 1;
  return words.map((x, k) => ptok(isPrefix && k === last ? T.Prefix : T.Exact, x));
}

function isTok(item: Item): item is PTok {
  return !Array.isArray(item);
}

function child(node: Node, p: PTok): Node {
  if (p.t === T.Gap) {
    if (!node.gap) node.gap = newNode();
    return node.gap;
  }
  if (p.t === T.Num) {
    if (!node.num) node.num = newNode();
    return node.num;
  }
  if (p.t === T.Digits) {
    if (!node.digits) node.digits = newNode();
    return node.digits;
  }
  if (p.t === T.Exact) {
    if (!node.exact) node.exact = new Map();
    let c = node.exact.get(p.s);
    if (!c) {
      c = newNode();
      node.exact.set(p.s, c);
    }
    return c;
  }
  let list: { s: string; node: Node }[];
  if (p.s.length >= PREFIX_KEY) {
    if (!node.prefix) node.prefix = new Map();
    const key = prefixKey(p.s);
    let l = node.prefix.get(key);
    if (!l) {
      l = [];
      node.prefix.set(key, l);
    }
    list = l;
  } else {
    if (!node.shortPrefix) node.shortPrefix = [];
    list = node.shortPrefix;
  }
  for (const e of list) if (e.s === p.s) return e.node;
  const c = newNode();
  list.push({ s: p.s, node: c });
  return c;
}

/**
 * Expands `(a|b|c)` alternations (nesting and empty alternatives allowed) into plain phrases. The matcher
 * does not need it (it builds its trie from the parsed alternatives); kept for tests and tools.
 */
export function expandAlternations(raw: string, out: string[] = []): string[] {
  const open = raw.indexOf('(');
  let close = -1;
  const bars: number[] = [];
  for (let k = open + 1, depth = 0; open >= 0 && k < raw.length; k++) {
    const c = raw.charAt(k);
    if (c === '(') depth++;
    else if (c === ')') {
      if (depth === 0) {
        close = k;
        break;
      }
      depth--;
    } else if (c === '|' && depth === 0) bars.push(k);
  }
  if (open < 0 || close < 0 || out.length > 4000) {
    out.push(raw);
    return out;
  }
  const head = raw.slice(0, open);
  const tail = raw.slice(close + 1);
  let from = open + 1;
  for (const bar of [...bars, close]) {
    expandAlternations(`${head}${raw.slice(from, bar)}${tail}`, out);
    from = bar + 1;
  }
  return out;
}

// ------------------------------------------------------------------ large phrases: token automata
// A phrase with many alternatives ("(les|ces) (arabes|noirs|…) ~ (sont|…) ~ (voleurs|…)") would put tens
// of thousands of paths in the trie; it is compiled instead into a small automaton whose alternatives
// share what follows them, tried only where one of its possible first tokens occurs.

/** Above this many expanded variants, a phrase becomes an automaton instead of trie paths. */
const MAX_TRIE_VARIANTS = 16;

type State =
  | { t: 0; p: PTok; next: State }
  | { t: 1; alts: State[] }
  | { t: 2; next: State }
  | { t: 3 }
  /** A choice between many alternatives: those starting with an exact token are found by that token. */
  | { t: 4; byTok: Map<string, State[]>; rest: State[] };

/** From this many alternatives, a choice is compiled into a switch on the next token. */
const SWITCH_MIN = 6;

function choice(alts: State[]): State {
  if (alts.length < SWITCH_MIN) return { t: 1, alts };
  const byTok = new Map<string, State[]>();
  const rest: State[] = [];
  for (const a of alts) {
    if (a.t === 0 && a.p.t === T.Exact) {
      // The switch consumes the token: keep the state after it.
      const l = byTok.get(a.p.s);
      if (l) l.push(a.next);
      else byTok.set(a.p.s, [a.next]);
    } else rest.push(a);
  }
  return { t: 4, byTok, rest };
}

interface Automaton {
  entry: Entry;
  start: State;
  /** Index in `Automata.list`; the automaton runs only if one of its anchor words is in the comment. */
  id: number;
  anchored: boolean;
  /** Decoded from model/lexicon.json but not run yet: its compiled states (`start` is a placeholder). */
  states: string | null;
}

interface Automata {
  list: Automaton[];
}

const END: State = { t: 3 };

function variants(seq: readonly Item[]): number {
  let n = 1;
  for (const item of seq) {
    if (isTok(item)) continue;
    let sum = 0;
    for (const alt of item) sum += variants(alt);
    n *= sum;
    if (n > 1e6) return n;
  }
  return n;
}

function compileSeq(seq: readonly Item[], next: State): State {
  let s = next;
  for (let k = seq.length - 1; k >= 0; k--) {
    const item = seq[k] as Item;
    if (isTok(item)) s = item.t === T.Gap ? { t: 2, next: s } : { t: 0, p: item, next: s };
    else {
      const after = s;
      s = choice(item.map((alt) => compileSeq(alt, after)));
    }
  }
  return s;
}

/** The token tests that can start `s` (through alternatives; an empty alternative reaches further). */
function firsts(s: State, out: PTok[], depth = 0): void {
  if (depth > 20) return;
  if (s.t === 0) out.push(s.p);
  else if (s.t === 1) for (const a of s.alts) firsts(a, out, depth + 1);
  else if (s.t === 4) {
    for (const k of s.byTok.keys()) out.push(ptok(T.Exact, k));
    for (const a of s.rest) firsts(a, out, depth + 1);
  }
}

/** Function words: poor anchors (they are in almost every comment). */
const COMMON = new Set([
  ...FR_WORDS,
  ...EN_WORDS,
  'a',
  'de',
  'des',
  'te',
  'se',
  'me',
  'y',
  'en',
  'lui',
  'leur',
  'les',
]);

/**
 * The words that every match must contain: from the phrase's items, the word or group (a group's anchor
 * is the union of its alternatives' anchors) whose shortest word is the longest, function words counting
 * as empty — long words are rare, so the automaton seldom runs. Null when some path has no word at all.
 */
function anchorOf(seq: readonly Item[], depth = 0): { toks: PTok[]; score: number } | null {
  let best: { toks: PTok[]; score: number } | null = null;
  for (const item of seq) {
    let cand: { toks: PTok[]; score: number } | null = null;
    if (isTok(item)) {
      if (item.t === T.Exact || (item.t === T.Prefix && item.s.length >= PREFIX_KEY)) {
        cand = { toks: [item], score: COMMON.has(item.s) ? 0 : item.s.length };
      }
    } else if (depth < 4) {
      cand = { toks: [], score: Number.POSITIVE_INFINITY };
      for (const alt of item) {
        const sub = anchorOf(alt, depth + 1);
        if (!sub) {
          cand = null;
          break;
        }
        cand.toks.push(...sub.toks);
        cand.score = Math.min(cand.score, sub.score);
      }
    }
    if (cand && cand.toks.length > 0 && (!best || cand.score >= best.score)) best = cand;
  }
  return best;
}

function addTo(node: Node, field: 'anchors' | 'starts', a: Automaton): void {
  const l = node[field];
  if (!l) node[field] = [a];
  else if (!l.includes(a)) l.push(a);
}

/**
 * Registers an automaton on the root's edges: it may start where one of its first words is, and runs only
 * if one of its anchor words is somewhere in the comment (both found by the trie's own root lookups).
 */
function addAutomaton(m: Matcher, a: Automaton, anchor: PTok[] | null): void {
  m.big.list.push(a);
  const fs: PTok[] = [];
  firsts(a.start, fs);
  for (const p of fs) if (p.t !== T.Gap) addTo(child(m.root, p), 'starts', a);
  a.anchored = anchor !== null && anchor.length > 0;
  for (const p of anchor ?? []) addTo(child(m.root, p), 'anchors', a);
}

function tokTest(p: PTok, tok: string): boolean {
  switch (p.t) {
    case T.Exact:
      return tok === p.s;
    case T.Prefix:
      return tok.startsWith(p.s);
    case T.Num:
      return isNumber(tok);
    case T.Digits: {
      const c = tok.charCodeAt(0);
      return c >= 48 && c <= 57;
    }
    default:
      return false;
  }
}

/** Depth-first run of an automaton from token `i`: the end of the first match found, or -1. */
function run(s: State, i: number): number {
  switch (s.t) {
    case 3:
      return i;
    case 0:
      return i < curN && tokTest(s.p, curSq[i] as string) ? run(s.next, i + 1) : -1;
    case 1:
      for (const a of s.alts) {
        const r = run(a, i);
        if (r >= 0) return r;
      }
      return -1;
    case 4: {
      if (i < curN) {
        const l = s.byTok.get(curSq[i] as string);
        if (l)
          for (const a of l) {
            const r = run(a, i + 1);
            if (r >= 0) return r;
          }
      }
      for (const a of s.rest) {
        const r = run(a, i);
        if (r >= 0) return r;
      }
      return -1;
    }
    default:
      for (let g = 0; g <= MAX_GAP && i + g <= curN; g++) {
        const r = run(s.next, i + g);
        if (r >= 0) return r;
      }
      return -1;
  }
}

/** Per comment: the anchored automata whose anchor word occurs (marked with `enabledMark`). */
let enabled = new Int32Array(0);
let enabledMark = 0;
/** Per comment: the root edges with automata starts met during the trie pass, and where; run after it. */
const candNode: Node[] = [];
const candS: number[] = [];
let nCand = 0;

function enable(list: readonly Automaton[]): void {
  for (let k = 0; k < list.length; k++) enabled[(list[k] as Automaton).id] = enabledMark;
}

function runCandidates(): void {
  for (let k = 0; k < nCand; k++) {
    const list = (candNode[k] as Node).starts as Automaton[];
    const start = candS[k] as number;
    for (let j = 0; j < list.length; j++) {
      const a = list[j] as Automaton;
      if (a.anchored && enabled[a.id] !== enabledMark) continue;
      // The same automaton reached twice at one start (an exact and a prefix edge): one hit.
      let dup = false;
      for (let h = curHits.length - 1; h >= 0 && (curHits[h] as Hit).start === start; h--) {
        if ((curHits[h] as Hit).entry === a.entry) dup = true;
      }
      if (dup) continue;
      if (a.states !== null) decodeAutomaton(a);
      const end = run(a.start, start);
      if (end > start) curHits.push({ entry: a.entry, start, end });
    }
  }
}

/**
 * Inserts every path of `seq[i..]` (alternatives expanded on the fly) below `node` and calls `done` with
 * each path's end node. `atRoot`: nothing consumed yet (a path may not start with a gap, nor be empty).
 */
function insert(
  node: Node,
  seq: readonly Item[],
  i: number,
  atRoot: boolean,
  done: (end: Node) => void,
): void {
  if (i === seq.length) {
    if (!atRoot) done(node);
    return;
  }
  const item = seq[i] as Item;
  if (isTok(item)) {
    if (atRoot && item.t === T.Gap) return;
    insert(child(node, item), seq, i + 1, false, done);
    return;
  }
  for (const alt of item) {
    insert(node, alt, 0, atRoot, (end) => insert(end, seq, i + 1, atRoot && end === node, done));
  }
}

/**
 * Builds a matcher from lexicon groups (phrases in the lexicon syntax). A phrase is one entry whatever
 * its number of alternatives; the same words under the same kind and label are kept once.
 */
export function buildMatcher(
  groups: readonly { kind: LexKind; label: string; phrases: readonly string[] }[],
): Matcher {
  const m: Matcher = {
    root: newNode(),
    big: { list: [] },
    entries: [],
    source: null,
  };
  const memo = new Map<string, readonly PTok[]>();
  for (const g of groups) {
    for (const phrase of g.phrases) {
      let text = phrase;
      let weight = 1;
      const eq = text.lastIndexOf('=');
      if (eq > 0) {
        weight = Number(text.slice(eq + 1));
        text = text.slice(0, eq);
      }
      if (!Number.isFinite(weight)) continue;
      const e: Entry = { kind: g.kind, label: g.label, weight, id: m.entries.length, seen: 0 };
      const items: Item[] = [parseItems(text, memo)];
      if (variants(items) > MAX_TRIE_VARIANTS) {
        const top = items[0] as Item[][];
        const a: Automaton = {
          entry: e,
          start: compileSeq(items, END),
          id: m.big.list.length,
          anchored: false,
          states: null,
        };
        addAutomaton(m, a, anchorOf([top])?.toks ?? null);
        m.entries.push(e);
        continue;
      }
      let used = false;
      insert(m.root, items, 0, true, (end) => {
        const ends = end.ends ?? [];
        // The same words twice in one group (e.g. "im" and "i m" once folded) would count twice.
        for (const o of ends) if (o === e || (o.kind === e.kind && o.label === e.label)) return;
        ends.push(e);
        end.ends = ends;
        used = true;
      });
      if (used) m.entries.push(e);
    }
  }
  return m;
}

// ------------------------------------------------------------------ compiled form (model/lexicon.json)
// Compiling LEXICON costs ~100 ms of cold JavaScript, paid again at every service-worker start. It is
// compiled ahead of time instead (`npm run train -- --lexicon`) and decoded into the very same trie and
// automata; a unit test keeps the file equal to what LEXICON compiles to. A cold start is mostly
// allocation (and the garbage collections it triggers), so the trie and automata are kept as strings,
// which JSON.parse copies in one piece, and decoded piecemeal on first use: the root's children when a
// comment reaches them, an automaton when it first runs.

export interface CompiledLexicon {
  format: 'desaffect-lexicon-v1';
  /** Distinct [kind, label] pairs. */
  groups: [LexKind, string][];
  /** Per entry (its id is its index): group index, weight. */
  entries: number[];
  /** Per automaton (its id is its index): entry id, anchored (1) or not (0), its states (see below). */
  automata: (number | string)[];
  /** The trie, depth first (see below). */
  trie: string;
}

/** What pending trie nodes are decoded from. */
interface TrieSource {
  trie: string;
  entries: readonly Entry[];
  automata: readonly Automaton[];
}

/** Which fields of a trie node follow its flags, in this order. */
const F = {
  Ends: 1,
  Exact: 2,
  Prefix: 4,
  ShortPrefix: 8,
  Num: 16,
  Digits: 32,
  Gap: 64,
  Anchors: 128,
  Starts: 256,
} as const;

/** Reads the space-separated items (tokens and non-negative integers) of a compiled string. */
class Items {
  readonly s: string;
  pos: number;
  constructor(s: string, pos: number) {
    this.s = s;
    this.pos = pos;
  }
  num(): number {
    let n = 0;
    let c = this.s.charCodeAt(this.pos++);
    while (c >= 48 && c <= 57) {
      n = n * 10 + c - 48;
      c = this.s.charCodeAt(this.pos++);
    }
    return n;
  }
  tok(): string {
    const from = this.pos;
    let end = this.s.indexOf(' ', from);
    if (end < 0) end = this.s.length;
    this.pos = end + 1;
    return this.s.slice(from, end);
  }
}

function checkTok(s: string): string {
  if (!/^\S+$/.test(s)) throw new Error(`lexicon: cannot encode token ${JSON.stringify(s)}`);
  return s;
}

/**
 * Trie node: flags, then `ends` (count, entry ids), `exact`, `prefix` and `shortPrefix` edges (count,
 * then for each: token, [on the root only: the length of the child's encoding], child), `num`, `digits`
 * and `gap` children, `anchors` and `starts` (count, automaton ids). An automaton's states, each after
 * the states it leads to, the start state last: type, then type 0: token type, [token], next; 1: count,
 * alternatives; 2: next; 3: nothing; 4: count, then for each token: token, count, states; then count,
 * other states (states as their index in the automaton's list).
 */
export function encodeMatcher(m: Matcher): CompiledLexicon {
  const groups: [LexKind, string][] = [];
  const groupIds = new Map<string, number>();
  const entries: number[] = [];
  for (const e of m.entries) {
    const key = `${e.kind}\u0001${e.label}`;
    let g = groupIds.get(key);
    if (g === undefined) {
      g = groups.length;
      groups.push([e.kind, e.label]);
      groupIds.set(key, g);
    }
    entries.push(g, e.weight);
  }
  const automata: (number | string)[] = [];
  for (const a of m.big.list) {
    if (a.states !== null) decodeAutomaton(a);
    automata.push(a.entry.id, a.anchored ? 1 : 0, encodeStates(a.start).join(' '));
  }
  const node = (n: Node, isRoot: boolean): (number | string)[] => {
    if (n.pending >= 0) decodePending(m.source as TrieSource, n);
    const out: (number | string)[] = [];
    const edges = (list: { s: string; node: Node }[]) => {
      out.push(list.length);
      for (const e of list) {
        if (!isRoot) out.push(checkTok(e.s), ...node(e.node, false));
        else {
          const child = node(e.node, false).join(' ');
          out.push(checkTok(e.s), child.length, child);
        }
      }
    };
    out.push(
      (n.ends ? F.Ends : 0) |
        (n.exact ? F.Exact : 0) |
        (n.prefix ? F.Prefix : 0) |
        (n.shortPrefix ? F.ShortPrefix : 0) |
        (n.num ? F.Num : 0) |
        (n.digits ? F.Digits : 0) |
        (n.gap ? F.Gap : 0) |
        (n.anchors ? F.Anchors : 0) |
        (n.starts ? F.Starts : 0),
    );
    if (n.ends) out.push(n.ends.length, ...n.ends.map((e) => e.id));
    if (n.exact) edges([...n.exact].map(([s, c]) => ({ s, node: c })));
    if (n.prefix) edges([...n.prefix.values()].flat());
    if (n.shortPrefix) edges(n.shortPrefix);
    for (const c of [n.num, n.digits, n.gap]) if (c) out.push(...node(c, false));
    if (n.anchors) out.push(n.anchors.length, ...n.anchors.map((a) => a.id));
    if (n.starts) out.push(n.starts.length, ...n.starts.map((a) => a.id));
    return out;
  };
  const trie = node(m.root, true).join(' ');
  return { format: 'desaffect-lexicon-v1', groups, entries, automata, trie };
}

/** An automaton's states, each once (alternatives share the states after them), the start state last. */
function encodeStates(start: State): (number | string)[] {
  const out: (number | string)[] = [];
  const ids = new Map<State, number>();
  const state = (s: State): number => {
    let id = ids.get(s);
    if (id !== undefined) return id;
    if (s.t === 0) {
      const next = state(s.next);
      out.push(0, s.p.t);
      if (s.p.t === T.Exact || s.p.t === T.Prefix) out.push(checkTok(s.p.s));
      out.push(next);
    } else if (s.t === 1) {
      const alts = s.alts.map(state);
      out.push(1, alts.length, ...alts);
    } else if (s.t === 2) {
      const next = state(s.next);
      out.push(2, next);
    } else if (s.t === 3) out.push(3);
    else {
      const byTok = [...s.byTok].map(([tok, l]) => [checkTok(tok), l.length, ...l.map(state)]);
      const rest = s.rest.map(state);
      out.push(4, byTok.length, ...byTok.flat(), rest.length, ...rest);
    }
    id = ids.size;
    ids.set(s, id);
    return id;
  };
  state(start);
  return out;
}

/** Rebuilds the matcher that `encodeMatcher` wrote: same nodes, entries, automata, order and ids. */
export function decodeMatcher(file: CompiledLexicon): Matcher {
  if (file.format !== 'desaffect-lexicon-v1') throw new Error(`lexicon: unknown format ${file.format}`);
  const entries: Entry[] = [];
  for (let k = 0; k < file.entries.length; k += 2) {
    const g = file.groups[file.entries[k] as number] as [LexKind, string];
    entries.push({ kind: g[0], label: g[1], weight: file.entries[k + 1] as number, id: k / 2, seen: 0 });
  }
  const list: Automaton[] = [];
  for (let k = 0; k < file.automata.length; k += 3) {
    const a: Automaton = {
      entry: entries[file.automata[k] as number] as Entry,
      start: END,
      id: k / 3,
      anchored: false,
      states: file.automata[k + 2] as string,
    };
    a.anchored = file.automata[k + 1] === 1;
    list.push(a);
  }
  const source: TrieSource = { trie: file.trie, entries, automata: list };
  const root = newNode();
  decodeNode(source, root, new Items(file.trie, 0), true);
  return { root, big: { list }, entries, source };
}

/** Decodes a pending automaton's states. */
function decodeAutomaton(a: Automaton): void {
  const r = new Items(a.states as string, 0);
  const states: State[] = [];
  const list = (): State[] => {
    const l: State[] = [];
    for (let k = r.num(); k > 0; k--) l.push(states[r.num()] as State);
    return l;
  };
  while (r.pos < r.s.length) {
    const t = r.num();
    if (t === 0) {
      const pt = r.num();
      const p = ptok(pt, pt === T.Exact || pt === T.Prefix ? r.tok() : '');
      states.push({ t: 0, p, next: states[r.num()] as State });
    } else if (t === 1) states.push({ t: 1, alts: list() });
    else if (t === 2) states.push({ t: 2, next: states[r.num()] as State });
    else if (t === 3) states.push(END);
    else {
      const byTok = new Map<string, State[]>();
      for (let k = r.num(); k > 0; k--) {
        const tok = r.tok();
        byTok.set(tok, list());
      }
      states.push({ t: 4, byTok, rest: list() });
    }
  }
  a.start = states[states.length - 1] as State;
  a.states = null;
}

function decodePending(src: TrieSource, n: Node): void {
  decodeNode(src, n, new Items(src.trie, n.pending));
}

/**
 * Fills `n` from the encoding `r` is at. On the root (`isRoot`), the children reached by a token are
 * left pending, to be decoded by `take` on first use.
 */
function decodeNode(src: TrieSource, n: Node, r: Items, isRoot = false): void {
  const child = (): Node => {
    const c = newNode();
    if (isRoot) {
      const len = r.num();
      c.pending = r.pos;
      r.pos += len + 1;
    } else decodeNode(src, c, r);
    return c;
  };
  const automata = (): Automaton[] => {
    const l: Automaton[] = [];
    for (let k = r.num(); k > 0; k--) l.push(src.automata[r.num()] as Automaton);
    return l;
  };
  n.pending = -1;
  const flags = r.num();
  if (flags & F.Ends) {
    const ends: Entry[] = [];
    for (let k = r.num(); k > 0; k--) ends.push(src.entries[r.num()] as Entry);
    n.ends = ends;
  }
  if (flags & F.Exact) {
    const exact = new Map<string, Node>();
    for (let k = r.num(); k > 0; k--) {
      const tok = r.tok();
      exact.set(tok, child());
    }
    n.exact = exact;
  }
  if (flags & F.Prefix) {
    const prefix = new Map<number, { s: string; node: Node }[]>();
    for (let k = r.num(); k > 0; k--) {
      const s = r.tok();
      const e = { s, node: child() };
      const l = prefix.get(prefixKey(s));
      if (l) l.push(e);
      else prefix.set(prefixKey(s), [e]);
    }
    n.prefix = prefix;
  }
  if (flags & F.ShortPrefix) {
    const short: { s: string; node: Node }[] = [];
    for (let k = r.num(); k > 0; k--) {
      const s = r.tok();
      short.push({ s, node: child() });
    }
    n.shortPrefix = short;
  }
  if (flags & F.Num) {
    n.num = newNode();
    decodeNode(src, n.num, r);
  }
  if (flags & F.Digits) {
    n.digits = newNode();
    decodeNode(src, n.digits, r);
  }
  if (flags & F.Gap) {
    n.gap = newNode();
    decodeNode(src, n.gap, r);
  }
  if (flags & F.Anchors) n.anchors = automata();
  if (flags & F.Starts) n.starts = automata();
}

function isNumber(tok: string): boolean {
  if (!numberSet) numberSet = new Set(NUMBER_WORDS);
  const c = tok.charCodeAt(0);
  if (c >= 48 && c <= 57) return true;
  return numberSet.has(tok);
}

const MAX_GAP = 3;

/**
 * Per-matcher stamps: for each entry, the number of the (comment, start) pair at which it last matched,
 * so that an entry gives at most one hit per start without clearing anything between comments.
 */
let stamps = new WeakMap<Matcher, Int32Array>();
let stampCounter = 0;
let curStamp: Int32Array = new Int32Array(0);
let curMark = 0;
let curStart = 0;
let curSq: readonly string[] = [];
let curN = 0;
let curHits: Hit[] = [];
let curSource: TrieSource | null = null;

function emit(node: Node, end: number): void {
  const ends = node.ends as Entry[];
  for (let k = 0; k < ends.length; k++) {
    const e = ends[k] as Entry;
    if (curStamp[e.id] === curMark) continue;
    curStamp[e.id] = curMark;
    curHits.push({ entry: e, start: curStart, end });
  }
}

/** Takes the edge to `c`: decodes it if pending, does its automata bookkeeping (root children), walks on. */
function take(c: Node, i: number): void {
  if (c.pending >= 0) decodePending(curSource as TrieSource, c);
  if (c.anchors !== null) enable(c.anchors);
  if (c.starts !== null) {
    candNode[nCand] = c;
    candS[nCand] = curStart;
    nCand++;
  }
  walk(c, i + 1);
}

/** Follows the edges of `node` that token `i` can take (a gap is handled by `walk`). */
function step(node: Node, i: number): void {
  if (i >= curN) return;
  const tok = curSq[i] as string;
  if (node.exact) {
    const c = node.exact.get(tok);
    if (c) take(c, i);
  }
  if (node.prefix && tok.length >= PREFIX_KEY) {
    const l = node.prefix.get(prefixKey(tok));
    if (l)
      for (let k = 0; k < l.length; k++) {
        const e = l[k] as { s: string; node: Node };
        if (tok.startsWith(e.s)) take(e.node, i);
      }
  }
  if (node.shortPrefix) {
    for (const e of node.shortPrefix) if (tok.startsWith(e.s)) take(e.node, i);
  }
  if (node.num && isNumber(tok)) take(node.num, i);
  if (node.digits) {
    const c = tok.charCodeAt(0);
    if (c >= 48 && c <= 57) take(node.digits, i);
  }
}

/** At `node` with the next token at `i`: emits the entries ending here and follows the edges. */
function walk(node: Node, i: number): void {
  if (node.ends) emit(node, i);
  step(node, i);
  // A gap: skip 0 to MAX_GAP tokens, then go on from the gap node (which may itself start a gap).
  const gap = node.gap;
  if (gap) for (let g = 0; g <= MAX_GAP && i + g <= curN; g++) walk(gap, i + g);
}

/** Finds every lexicon hit in the folded tokens `sq[0..n)`, appending to `hits`. */
export function matchAll(m: Matcher, sq: readonly string[], n: number, hits: Hit[]): void {
  if (stampCounter > 0x7fff0000 - n) {
    stampCounter = 0;
    stamps = new WeakMap(); // every matcher starts afresh
  }
  let st = stamps.get(m);
  if (!st || st.length < m.entries.length) {
    st = new Int32Array(m.entries.length);
    stamps.set(m, st);
  }
  curStamp = st;
  curSq = sq;
  curN = n;
  curHits = hits;
  curSource = m.source;
  const big = m.big;
  if (enabled.length < big.list.length) enabled = new Int32Array(big.list.length);
  enabledMark = enabledMark >= 0x3fffffff ? 1 : enabledMark + 1;
  if (enabledMark === 1) enabled.fill(0);
  nCand = 0;
  // One pass over the trie; the root lookups also enable automata and collect where they may start.
  for (let i = 0; i < n; i++) {
    curStart = i;
    curMark = ++stampCounter;
    step(m.root, i);
  }
  if (nCand > 0) runCandidates();
  curHits = [];
  curSq = [];
  curSource = null;
}

// ------------------------------------------------------------------ threat combinations
// A violent verb + a first-person speaker before it + a target ("you", "te", "lui", "ta famille", "le CM"...)
// is a threat even when the exact phrase is not listed ("I'm going to cut your throat", "je vais te
// défoncer la tête", "on va tous vous égorger", "je lui casse la gueule"). "Break" verbs (casser, péter…)
// are violent only with a body part ("casser la gueule", not "casser les prix"); a reflexive pronoun
// ("je me suis cassé la gueule", "on s'est éclatés") is not aimed at anyone.

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
  'torch',
  'poison*',
  // French
  'tuer',
  'tue',
  'tues',
  'tuerai',
  'tuerais',
  'tuera',
  'tuerons',
  'tuerez',
  'tueront',
  'tuez',
  'buter',
  'bute',
  'butes',
  'buterai',
  'butera',
  'buterons',
  'crever',
  'creverai',
  'egorg*',
  'planter',
  'planterai',
  'plantera',
  'defonc*',
  'massacr*',
  'brul*',
  'saign*',
  'eclat*',
  'fumer',
  'fumerai',
  'retrouv*',
  'violer',
  'viole',
  'violerai',
  'frapper',
  'frappe',
  'frapperai',
  'tabass*',
  'cogner',
  'cognerai',
  'etrangl*',
  'decapit*',
  'flingu*',
  'fusill*',
  'descendr*',
  'abattre',
  'abattrai',
  'allumer',
  'niquer',
  'exploser',
  'explos*',
  'trouver',
  'crame*',
  'cramer',
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
  'degomm*',
  'refroidi*',
  'zigouill*',
  'bousill*',
  'empoisonn*',
  'enterrer',
  'enterrerai',
  'sequestr*',
  'kidnapp*',
  'trancher',
  'defigur*',
  'eventr*',
  'mutil*',
];

/** Verbs that are violent with a body part as object ("casser la gueule", "péter les dents"). */
const BODY_VERBS = [
  'casse*',
  'pete*',
  'peter',
  'petes',
  'eclat*',
  'defonc*',
  'explos*',
  'refai*',
  'arrach*',
  'bris*',
  'fracass*',
  'nique*',
  'ecras*',
  'decoll*',
  'break',
  'breaking',
  'smash*',
  'bash*',
  'kick*',
  'punch*',
  'knock*',
  'rip',
  'cave',
  'ouvr*',
  'crev*',
  'trouer',
];
const BODY_PARTS = new Set([
  'gueule',
  'tete',
  'figure',
  'face',
  'dents',
  'jambes',
  'jambe',
  'bras',
  'nez',
  'genoux',
  'crane',
  'cou',
  'machoire',
  'cotes',
  'portrait',
  'tronche',
  'yeux',
  'gencives',
  'nuque',
  'dentier',
  'skull',
  'neck',
  'legs',
  'arms',
  'teeth',
  'jaw',
  'nose',
  'knees',
  'head',
  'ribs',
  'spine',
  'ass',
  'throat',
  'gorge',
  'ventre',
  'bide',
  'visage',
  'crane',
  'belly',
  'guts',
]);

/** First-person possessives: a body part of one's own is no threat. */
const OWN = new Set(['ma', 'mon', 'mes', 'my', 'our', 'notre', 'nos']);

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
/** A negation between the speaker and the verb's object ("je vais pas te tuer", "I won't hurt you"). */
const NEGATION = new Set([
  'pas',
  'ne',
  'n',
  'jamais',
  'not',
  'never',
  'won',
  'don',
  'nt',
  'wont',
  'dont',
  'plus',
]);
/** "Find"-type verbs threaten only a second person ("je vais te retrouver", not "je vais les retrouver"). */
const SECOND_PERSON = new Set(['te', 't', 'vous', 'toi', 'you', 'u', 'ya', 'your', 'ur', 'yall', 'jte']);

/** Between the speaker and the verb, these make it reflexive ("je me suis cassé", "on s'est éclatés"). */
const REFLEXIVE = new Set(['me', 'm', 'se', 's', 'myself', 'ourselves', 'moi']);
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
  'tous',
];
const TARGETS_BEFORE = ['te', 't', 'vous', 'les', 'la', 'le', 'l', 'lui', 'leur', 'jte'];
/** A determiner + one of these after the verb is a person target ("buter le CM", "kill the CEO"). */
const DETERMINERS = new Set([
  'le',
  'la',
  'les',
  'l',
  'ce',
  'cet',
  'cette',
  'ces',
  'the',
  'that',
  'this',
  'your',
  'votre',
  'vos',
]);
const PERSONS = new Set([
  'cm',
  'community',
  'manager',
  'ceo',
  'pdg',
  'patron',
  'patronne',
  'directeur',
  'directrice',
  'gerant',
  'gerante',
  'boss',
  'vendeur',
  'vendeuse',
  'conseiller',
  'conseillere',
  'livreur',
  'employe',
  'employes',
  'caissier',
  'caissiere',
  'admin',
  'moderateur',
  'moderator',
  'mod',
  'president',
  'ministre',
  'juge',
  'flic',
  'flics',
  'prof',
  'maire',
  'depute',
  'owner',
  'staff',
  'intern',
  'stagiaire',
  'agent',
  'driver',
  'cashier',
  'employee',
  'employees',
  'manager',
  'femme',
  'mari',
  'enfants',
  'gosses',
  'gamins',
  'fille',
  'fils',
  'kids',
  'children',
  'daughter',
  'husband',
  'wife',
  'guy',
  'type',
  'mec',
  'connard',
  'batard',
  'bitch',
]);

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

const comboEntry: Entry = { kind: 'threat', label: 'threat', weight: 1, id: -1, seen: 0 };
const weakComboEntry: Entry = {
  kind: 'violence',
  label: 'violent language',
  weight: 0.3,
  id: -2,
  seen: 0,
};
const bodyEntry: Entry = { kind: 'violence', label: 'violent language', weight: 0.5, id: -3, seen: 0 };

/** Violent and "break" verb stems, merged: exact words and 3-letter-prefix buckets, each with flags. */
interface Stems {
  exact: Map<string, number>;
  prefix: Map<number, { stem: string; flags: number }[]>;
}
const BODY = 1;
const VIOLENT = 2;
let stems: Stems | null = null;
let speakers: Set<string> | null = null;
let targetsAfter: Set<string> | null = null;
let targetsBefore: Set<string> | null = null;

function addStems(st: Stems, list: readonly string[], flag: number): void {
  for (const raw of list) {
    if (raw.endsWith('*')) {
      const stem = raw.slice(0, -1);
      const key = prefixKey(stem);
      const l = st.prefix.get(key);
      const found = l?.find((x) => x.stem === stem);
      if (found) found.flags |= flag;
      else if (l) l.push({ stem, flags: flag });
      else st.prefix.set(key, [{ stem, flags: flag }]);
    } else st.exact.set(raw, (st.exact.get(raw) ?? 0) | flag);
  }
}

const NO_CONJUGATION = new Set([
  'casser',
  'peter',
  'briser',
  'exploser',
  'allumer',
  'fumer',
  'latter',
  'crever',
]);

/** Present and future forms of a French -er verb ("démonter" → démonte, démontes, démontent, démonterai…). */
function conjugate(inf: string): string[] {
  const stem = inf.slice(0, -2);
  return ['e', 'es', 'ent', 'ez', 'erai', 'eras', 'era', 'erons', 'erez', 'eront', 'erais', 'erait'].map(
    (x) => stem + x,
  );
}

function initCombos(): void {
  const st: Stems = { exact: new Map(), prefix: new Map() };
  const forms: string[] = [];
  for (const v of VIOLENT_STEMS) {
    // "Break" verbs need a body part ("je vous casse les prix" is a sale), search verbs a second person.
    if (v.length >= 5 && v.endsWith('er') && !SEARCH_VERBS.has(v) && !NO_CONJUGATION.has(v))
      forms.push(...conjugate(v));
  }
  addStems(st, VIOLENT_STEMS, VIOLENT);
  addStems(st, forms, VIOLENT);
  addStems(st, BODY_VERBS, BODY);
  stems = st;
  speakers = new Set(SPEAKERS);
  targetsAfter = new Set(TARGETS_AFTER);
  targetsBefore = new Set(TARGETS_BEFORE);
}

/** BODY | VIOLENT flags of a token (0: not a violent verb). */
function verbFlags(st: Stems, tok: string): number {
  let f = st.exact.get(tok) ?? 0;
  const l = st.prefix.get(prefixKey(tok));
  if (l)
    for (let k = 0; k < l.length; k++)
      if (tok.startsWith((l[k] as { stem: string }).stem)) f |= (l[k] as { flags: number }).flags;
  return f;
}

/** Appends threat hits found by the verb/speaker/target combination rule. */
export function matchThreatCombos(sq: readonly string[], n: number, hits: Hit[], brk: Uint8Array): void {
  if (!stems) initCombos();
  const st = stems as Stems;
  const sp = speakers as Set<string>;
  const ta = targetsAfter as Set<string>;
  const tb = targetsBefore as Set<string>;
  for (let i = 0; i < n; i++) {
    const tok = sq[i] as string;
    if (tok.length < 3) continue;
    const cls = verbFlags(st, tok);
    if (cls === 0) continue;
    const isBody = (cls & BODY) !== 0;
    const isViolent = (cls & VIOLENT) !== 0;
    let speaker = -1;
    let targetBefore = false;
    let secondBefore = false;
    let reflexive = false;
    // "j'vous crève pas les yeux" (but not "je vais te buter, pas de pitié").
    let negated = i + 2 < n && sq[i + 1] === 'pas' && sq[i + 2] !== 'de';
    for (let j = i - 1; j >= 0 && j >= i - 5; j--) {
      if (brk[j + 1] === 1) break;
      const t = sq[j] as string;
      if (sp.has(t)) {
        speaker = j;
        break;
      }
      if (tb.has(t)) targetBefore = true;
      if (SECOND_PERSON.has(t)) secondBefore = true;
      if (REFLEXIVE.has(t)) reflexive = true;
      if (NEGATION.has(t)) negated = true;
    }
    if (reflexive || negated) continue;
    if (isBody) {
      // "casser la gueule", "péter les dents", "break your neck": a body part within 3 words.
      let part = -1;
      for (let j = i + 1; j < n && j <= i + 3; j++) {
        if (brk[j] === 1 || OWN.has(sq[j] as string)) break; // "ouvrir ma gueule": one's own
        if (BODY_PARTS.has(sq[j] as string)) {
          part = j;
          break;
        }
      }
      if (part > 0) {
        if (speaker >= 0) hits.push({ entry: comboEntry, start: speaker, end: part + 1 });
        else hits.push({ entry: bodyEntry, start: i, end: part + 1 });
        continue;
      }
      if (!isViolent) continue;
    }
    let targetEnd = -1;
    for (let j = i + 1; j < n && j <= i + 4; j++) {
      if (brk[j] === 1) break;
      const t = sq[j] as string;
      if (ta.has(t)) {
        targetEnd = j + 1;
        break;
      }
      if (DETERMINERS.has(t) && j + 1 < n && PERSONS.has(sq[j + 1] as string)) {
        targetEnd = j + 2;
        break;
      }
    }
    // "I'll shoot you an email", "we'll find you a seat": not threats.
    if (targetEnd > 0 && targetEnd < n && BENIGN_AFTER.has(sq[targetEnd] as string)) continue;
    const search = SEARCH_VERBS.has(tok) || tok.startsWith('retrouv');
    if (search && !secondBefore && !(targetEnd > 0 && SECOND_PERSON.has(sq[targetEnd - 1] as string)))
      continue;
    const hasTarget = targetEnd > 0 || (targetBefore && speaker >= 0);
    if (speaker >= 0 && hasTarget) {
      hits.push({ entry: comboEntry, start: speaker, end: targetEnd > 0 ? targetEnd : i + 1 });
    } else if (targetEnd > 0 && !SEARCH_VERBS.has(tok)) {
      hits.push({ entry: weakComboEntry, start: i, end: targetEnd });
    }
  }
}
