/**
 * Fast phrase matching without a second phrase syntax. A phrase pattern is a regular expression over the
 * folded words; most of its alternatives are plain word sequences ("toujours pas recu", "decu\w*"). Those
 * go into a word trie, walked once from each word of a comment. The others (groups, gaps, numbers) stay
 * expressions, each compiled alone on first use (by a small backtracking matcher that finds what a RegExp
 * finds: see "branch expressions") and tried only where the trie marks it a *candidate*: the word
 * sequences it can start with (its first three words, gaps and lists of words expanded: `startSequences`)
 * are trie paths too. A candidate is confirmed by its expression, in the order
 * the first index of branches tried them at a word (by their first two words, first word, a prefix of it,
 * a number, the comment's start: their *keys*), so the first match of each phrase, and its end, are what
 * trying every branch would find.
 * A unit test checks, over the training corpus, that this finds exactly the phrases a plain scan finds.
 */
import type { CueKind } from '../shared/comment';

/** Top-level alternatives of a pattern. */
function alternatives(src: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      out.push(src.slice(start, i));
      start = i + 1;
    }
  }
  out.push(src.slice(start));
  return out;
}

/** A word of a plain alternative: a whole word, or a prefix (`decu\w*`; the empty prefix: any word). */
interface WordStep {
  word: string;
  prefix: boolean;
}

const PLAIN_WORD = /^([a-z0-9]+)(\\w\*)?$/;

/** The words of an alternative made of plain words only, or null when it needs the regex engine. */
function plainWords(branch: string): WordStep[] | null {
  if (branch === '' || branch.startsWith(' ') || branch.endsWith(' ') || branch.includes('  ')) return null;
  const steps: WordStep[] = [];
  for (const part of branch.split(' ')) {
    const m = PLAIN_WORD.exec(part);
    if (!m) return null;
    steps.push({ word: m[1] as string, prefix: m[2] !== undefined });
  }
  return steps;
}

interface PrefixStep {
  prefix: string;
  child: TrieNode;
}

/** A trie node as `buildMatcher` builds it, to be encoded (walks read `Trie`). */
class TrieNode {
  /**
   * Phrases (indexes) whose plain alternative ends here; `~branch` (negative) for a complex branch that
   * may match from the walk's first word (its expression decides).
   */
  ends: number[] = [];
  exact: Map<string, TrieNode> | null = null;
  /**
   * Prefix steps of three letters or more by their first three (`head3`), of two letters by those two
   * (`head`), of one letter by it: a word is checked only against the prefixes it could start with (the
   * encoded record keeps them in this order, and `Trie` files them the same way).
   */
  prefixes: Map<number, PrefixStep[]> | null = null;
  prefixes2: Map<number, PrefixStep[]> | null = null;
  short: Map<number, PrefixStep[]> | null = null;
  /** The step any word takes (a gap in a complex branch). */
  any: TrieNode | null = null;
  /**
   * The complex branches whose group the old index tried at the walk's first word, as
   * `rank * branches + branch`: tried in that order where they are candidates (see `buildMatcher`).
   */
  keys: number[] | null = null;
}

const node = (): TrieNode => new TrieNode();

/**
 * The first two letters of a word (the one letter of a one-letter word) as a number: a map key read
 * without building a string for every word of every comment.
 */
const head = (word: string) =>
  word.length < 2 ? word.charCodeAt(0) : word.charCodeAt(0) * 65536 + word.charCodeAt(1);
/** The first three letters of a word of three or more, as a number (the third one's low six bits). */
const head3 = (word: string) =>
  (word.charCodeAt(0) * 65536 + word.charCodeAt(1)) * 64 + (word.charCodeAt(2) & 63);

/** An alternative that stays a regular expression, with the phrase it belongs to. */
export interface ComplexBranch {
  phrase: number;
  source: string;
}

/** The matcher as built, to be encoded (`encodeMatcher`). */
export interface BuiltMatcher {
  phrases: PhraseInfo[];
  root: TrieNode;
  /** The branches anchored at the comment's start, walked from its first word only. */
  startRoot: TrieNode;
  branches: ComplexBranch[];
}

/** The matcher that `findPhrases` reads (`decodeMatcher`). */
export interface PhraseMatcher {
  /** Per phrase (by index): its cue kind and its feature's hash, so the engine needs no pattern text. */
  phrases: PhraseInfo[];
  trie: Trie;
  /** The roots' node indexes in `trie`. */
  root: number;
  startRoot: number;
  branches: ComplexBranch[];
}

/** What the engine needs of a phrase once it has matched. */
export interface PhraseInfo {
  kind: CueKind;
  feature: number;
}

/** The prefix steps of `at` that `prefix` is filed under (created when missing). */
function prefixSteps(at: TrieNode, prefix: string): PrefixStep[] {
  let byKey: Map<number, PrefixStep[]>;
  let key: number;
  if (prefix.length === 1) {
    at.short ??= new Map();
    byKey = at.short;
    key = prefix.charCodeAt(0);
  } else if (prefix.length === 2) {
    at.prefixes2 ??= new Map();
    byKey = at.prefixes2;
    key = head(prefix);
  } else {
    at.prefixes ??= new Map();
    byKey = at.prefixes;
    key = head3(prefix);
  }
  let list = byKey.get(key);
  if (!list) {
    list = [];
    byKey.set(key, list);
  }
  return list;
}

/** The node of the trie under `root` at the end of the word sequence `steps` (created when missing). */
function place(root: TrieNode, steps: readonly WordStep[]): TrieNode {
  let at = root;
  for (const { word, prefix } of steps) {
    let next: TrieNode | undefined;
    if (prefix && word === '') {
      at.any ??= node();
      next = at.any;
    } else if (prefix) {
      const list = prefixSteps(at, word);
      next = list.find((p) => p.prefix === word)?.child;
      if (!next) {
        next = node();
        list.push({ prefix: word, child: next });
      }
    } else {
      at.exact ??= new Map();
      next = at.exact.get(word);
      if (!next) {
        next = node();
        at.exact.set(word, next);
      }
    }
    at = next;
  }
  return at;
}

/** Adds the word sequence `steps` to the trie under `root`, ending in `end` (a phrase, or `~branch`). */
function insert(root: TrieNode, steps: readonly WordStep[], end: number): void {
  const at = place(root, steps);
  if (!at.ends.includes(end)) at.ends.push(end);
}

const exactly = (...words: string[]): WordStep[] => words.map((word) => ({ word, prefix: false }));

export function buildMatcher(patterns: readonly string[], phrases: readonly PhraseInfo[]): BuiltMatcher {
  const root = node();
  const branches: ComplexBranch[] = [];
  patterns.forEach((pattern, phrase) => {
    // An anchored pattern stays whole: its alternatives share the anchor.
    for (const branch of pattern.startsWith('^') ? [pattern] : alternatives(pattern)) {
      const words = plainWords(branch);
      if (words) insert(root, words, phrase);
      else branches.push({ phrase, source: branch });
    }
  });
  const startRoot = node();
  // The first index of complex branches, kept for the order in which it tried them at a word: groups of
  // branches by the two first words, the first word, a prefix of it, a number, the comment's start.
  const anchored: number[] = [];
  const pairs = new Map<string, number[]>();
  const words = new Map<string, number[]>();
  const prefixes = new Map<string, number[]>();
  const everywhere: number[] = [];
  const digits: number[] = [];
  const add = (map: Map<string, number[]>, key: string, branch: number) =>
    map.set(key, [...(map.get(key) ?? []), branch]);
  branches.forEach(({ source }, branch) => {
    if (source.startsWith('^')) {
      anchored.push(branch);
      return;
    }
    const two = firstTwoWords(source);
    if (two) {
      for (const a of two[0]) for (const b of two[1]) add(pairs, `${a} ${b}`, branch);
      return;
    }
    const first = firstWords(source);
    if (first.any) everywhere.push(branch);
    else {
      if (first.digits) digits.push(branch);
      for (const word of first.exact) add(words, word, branch);
      for (const prefix of first.prefixes) add(prefixes, prefix, branch);
    }
  });
  // Each group, in the order that index tried them at a word, and the paths that lead to it.
  const DIGITS = [...'0123456789'].map((d) => [{ word: d, prefix: true }]);
  const groups: { members: number[]; root: TrieNode; paths: WordStep[][] }[] = [
    { members: anchored, root: startRoot, paths: [[]] },
    ...[...pairs].map(([pair, members]) => ({ members, root, paths: [exactly(...pair.split(' '))] })),
    ...[...words].map(([word, members]) => ({ members, root, paths: [exactly(word)] })),
    ...[...prefixes].map(([prefix, members]) => ({
      members,
      root,
      paths: [[{ word: prefix, prefix: true }]],
    })),
    { members: digits, root, paths: DIGITS },
    { members: everywhere, root, paths: [[]] },
  ];
  // A branch is tried at a word where a group of it stands (its `key`, ranked by the group's order) and
  // where the trie marks it a candidate (`~branch`): the word sequences it can start with, or else the
  // paths of its groups.
  const candidatePaths: WordStep[][][] = branches.map(() => []);
  groups.forEach(({ members, root: under, paths }, rank) => {
    for (const path of paths) {
      const at = place(under, path);
      at.keys ??= [];
      for (const b of members) {
        at.keys.push(rank * branches.length + b);
        (candidatePaths[b] as WordStep[][]).push(path);
      }
    }
  });
  branches.forEach(({ source }, b) => {
    const anchor = source.startsWith('^');
    const full = anchor ? null : fullSequences(source);
    if (full) {
      for (const steps of full) insert(root, steps, ~(branches.length + b));
      return;
    }
    const starts = anchor ? alternatives(source.slice(1)).map(startSequences) : [startSequences(source)];
    const paths = starts.some((s) => s === null) ? (candidatePaths[b] as WordStep[][]) : starts.flat();
    for (const steps of paths) insert(anchor ? startRoot : root, steps as WordStep[], ~b);
  });
  return { phrases: [...phrases], root, startRoot, branches };
}

// ------------------------------------------------------------------ the word sequences a branch starts with

/**
 * How many words of a complex branch its trie paths spell out, not counting gaps (any word), and at most
 * twice as many with them; the expression checks the rest.
 */
const START_WORDS = 3;
/** At most this many paths per branch; beyond, fewer words. */
const MAX_STARTS = 600;

/**
 * One way a branch can begin, as text: words separated by one space, `*` after a word that is a prefix (a
 * lone `*`: any word; a digit and `*`: a number), `done` once the rest no longer narrows it (a construct
 * this reading does not follow, or START_WORDS words read). Every way a match can begin is kept: the
 * letters after a prefix belong to it, and a construct this reading does not follow turns the word
 * before into a prefix (or ends the path at the space before), so the paths find every place the branch
 * matches, and some where it does not (its expression decides).
 */
interface Start {
  text: string;
  done: boolean;
  /** Letters were taken into a prefix (`rep\w*ndez`): the text says less than the branch. */
  loose?: boolean;
}

const lastWord = (s: Start) => s.text.slice(s.text.lastIndexOf(' ') + 1);

function cut(s: Start): Start {
  if (s.done) return s;
  const word = lastWord(s);
  return { text: word === '' || word.endsWith('*') ? s.text : `${s.text}*`, done: true };
}

/** Whether the words read (before the last space) are enough: `words` words, gaps aside, or twice that. */
function enough(text: string, words: number): boolean {
  const read = text.split(' ').slice(0, -1);
  return read.length >= 2 * words || read.filter((w) => w !== '*').length >= words;
}

/** `s` followed by `c`; none when that can never match (a space first, or two in a row). */
function append(s: Start, c: string, words: number): Start[] {
  if (s.done) return [s];
  // The letters after a prefix (`rep\w*ndez`) are part of it.
  if (c !== ' ' && s.text.endsWith('*')) return [{ ...s, loose: true }];
  if (c === ' ' && (s.text === '' || s.text.endsWith(' '))) return [];
  const text = s.text + c;
  return [{ ...s, text, done: c === ' ' && enough(text, words) }];
}

/** `states` without repeats. */
function distinct(states: Start[]): Start[] {
  const seen = new Set<string>();
  return states.filter((s) => {
    const key = `${s.done ? 1 : 0}${s.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Reads `src` (a sequence of atoms) after each of `states`; null past `cap` states. */
function readSequence(src: string, states: Start[], words: number, cap: number): Start[] | null {
  let out = states;
  let i = 0;
  while (i < src.length && out.some((s) => !s.done)) {
    const c = src[i] as string;
    const q = quantifier(src, i + 1);
    if (c === ' ' || LITERAL.test(c)) {
      if (q.length === 0) out = out.flatMap((s) => append(s, c, words));
      else if (src[i + 1] === '?') out = distinct(out.flatMap((s) => [...append(s, c, words), s]));
      else {
        out = out.map(cut);
        break;
      }
      i += 1 + q.length;
      continue;
    }
    if (src.startsWith('\\w', i) || src.startsWith('\\d', i)) {
      const after = quantifier(src, i + 2);
      const quantified = src.slice(i + 2, i + 2 + after.length);
      const next: Start[] = [];
      for (const s of out) {
        if (s.done) next.push(s);
        else if (lastWord(s) !== '')
          next.push(
            lastWord(s).endsWith('*')
              ? { ...s, loose: true }
              : { ...s, text: `${s.text}*`, loose: s.loose || quantified !== '*' || src[i + 1] !== 'w' },
          );
        else if (src[i + 1] === 'd' && !after.optional)
          // A number: a word that starts with a digit.
          for (const d of '0123456789') next.push({ ...s, text: `${s.text}${d}*` });
        else if (src[i + 1] === 'w' && (quantified === '+' || quantified === '*')) {
          // `\w+` is any word; `\w*` any word or none.
          next.push({ ...s, text: `${s.text}*` });
          if (quantified === '*') next.push(s);
        } else next.push(cut(s));
      }
      out = next;
      i += 2 + after.length;
      continue;
    }
    if (c === '(') {
      const end = closing(src, i);
      if (/^\(\?[=!<]/.test(src.slice(i, i + 3))) {
        // A lookaround only narrows a match: skipping it keeps every match.
        i = end + 1;
        continue;
      }
      const inner = src.slice(i + 1, end).replace(/^\?:/, '');
      const after = quantifier(src, end + 1);
      const quantified = src.slice(end + 1, end + 1 + after.length);
      const repeat = /^\{(\d),(\d)\}$/.exec(quantified);
      const [min, max] =
        quantified === ''
          ? [1, 1]
          : quantified === '?'
            ? [0, 1]
            : repeat
              ? [Number(repeat[1]), Number(repeat[2])]
              : [-1, -1];
      if (min < 0 || max > START_WORDS) {
        out = out.map(cut);
        break;
      }
      const options = alternatives(inner);
      let reps = out;
      const next: Start[] = min === 0 ? [...out] : [];
      for (let k = 1; k <= max; k++) {
        const read: Start[] = [];
        for (const s of reps) {
          if (s.done) {
            read.push(s);
            continue;
          }
          for (const option of options) {
            const r = readSequence(option, [s], words, cap);
            if (!r) return null;
            read.push(...r);
            if (read.length > cap) return null;
          }
        }
        reps = distinct(read);
        if (k >= min) next.push(...reps);
        if (next.length > cap) return null;
      }
      out = distinct(next);
      i = end + 1 + after.length;
      continue;
    }
    out = out.map(cut);
    break;
  }
  return out;
}

/**
 * The word sequences (START_WORDS words at most) that a match of `branch` can start with, as trie steps;
 * null when they cannot be listed (the branch may start with any word, or too many).
 */
export function startSequences(branch: string): WordStep[][] | null {
  for (let words = START_WORDS; words >= 1; words--) {
    const read = readSequence(branch, [{ text: '', done: false }], words, MAX_STARTS);
    if (read) return asSteps(read);
  }
  return null;
}

/** The trie steps of what `readSequence` read; null when a match may start with any word. */
function asSteps(read: Start[]): WordStep[][] | null {
  const out: WordStep[][] = [];
  const seen = new Set<string>();
  for (const { text } of read) {
    // Two spaces in a row, or a space first or last, never match the one space between two words.
    const trimmed = text.endsWith(' ') ? text.slice(0, -1) : text;
    if (trimmed === '' || trimmed.startsWith('*')) return null;
    if (trimmed.startsWith(' ') || trimmed.includes('  ') || seen.has(trimmed)) continue;
    seen.add(trimmed);
    out.push(
      trimmed
        .split(' ')
        .map((w) => (w.endsWith('*') ? { word: w.slice(0, -1), prefix: true } : { word: w, prefix: false })),
    );
  }
  return out.length > 0 ? out : null;
}

/** Whether a word matching step `a` can also match step `b`. */
function overlap(a: WordStep, b: WordStep): boolean {
  if (a.prefix && b.prefix) return a.word.startsWith(b.word) || b.word.startsWith(a.word);
  if (a.prefix) return b.word.startsWith(a.word);
  if (b.prefix) return a.word.startsWith(b.word);
  return a.word === b.word;
}

/** Words a branch may spell out whole in the trie. */
const FULL_WORDS = 6;

/**
 * All the word sequences `branch` matches, when they can be listed and say where its match ends: words
 * and word prefixes only (no gap, number or lookaround), and no sequence that can match the beginning of
 * a longer one. On words of ASCII letters and digits (where `decu\w*` is "starts with decu"), the branch
 * matches exactly where one of them does, and ends where it ends: the trie answers without the expression.
 */
function fullSequences(branch: string): WordStep[][] | null {
  if (/\(\?[=!<]|\\d|\\w\+/.test(branch)) return null;
  const read = readSequence(branch, [{ text: '', done: false }], FULL_WORDS, MAX_STARTS);
  if (!read || read.some((s) => s.done || s.loose)) return null;
  // A branch read to its end with a space last needs two spaces in a row: that never matches.
  const ends = read.filter((s) => !s.text.endsWith(' '));
  if (ends.length === 0) return [];
  const paths = asSteps(ends);
  if (!paths || paths.some((steps) => steps.some((step) => step.prefix && step.word === ''))) return null;
  for (const a of paths)
    for (const b of paths)
      if (a.length < b.length && a.every((step, i) => overlap(step, b[i] as WordStep))) return null;
  return paths;
}

/**
 * Appends `end, word` pairs to `out` for every trie path matching from word `i` of `words` (end exclusive):
 * a phrase, or `~branch` for a candidate. Linear in the words times the longest path; no allocation once
 * the nodes are read.
 */
function walk(trie: Trie, at: number, words: readonly string[], n: number, i: number, out: number[]): void {
  const { nodes, ints } = trie;
  const fields = at * NODE_FIELDS;
  for (let k = nodes[fields + ENDS_FROM] as number; k < (nodes[fields + ENDS_TO] as number); k++) {
    out[walked++] = ints[k] as number;
    out[walked++] = i;
  }
  if ((nodes[fields + KEYS_TO] as number) > (nodes[fields + KEYS_FROM] as number)) keyed[keyedCount++] = at;
  if (i >= n) return;
  const word = words[i] as string;
  // Read before the walks below, which may grow `trie.nodes`.
  const filed = nodes[fields + PREFIXES] as number;
  const any = nodes[fields + ANY] as number;
  if (filed & WIDE) {
    const child = wideChild(trie, at, word);
    if (child >= 0) walk(trie, child, words, n, i + 1, out);
  } else {
    const edge = exactEdge(trie, at, word, wordHashes[i] as number);
    if (edge >= 0) walk(trie, childAt(trie, 'edges', edge * EDGE_FIELDS + CHILD), words, n, i + 1, out);
  }
  if (any !== NO_CHILD) walk(trie, childAt(trie, 'nodes', at * NODE_FIELDS + ANY), words, n, i + 1, out);
  if (filed & PREFIX3 && word.length > 2) walkSteps(trie, at, PREFIX3, words, n, i, out);
  if (filed & PREFIX2 && word.length > 1) walkSteps(trie, at, PREFIX2, words, n, i, out);
  if (filed & PREFIX1) walkSteps(trie, at, PREFIX1, words, n, i, out);
}

/** `walk` on through the prefix steps of node `at`, filed as `filed`, that word `i` takes. */
function walkSteps(
  trie: Trie,
  at: number,
  filed: number,
  words: readonly string[],
  n: number,
  i: number,
  out: number[],
): void {
  const word = words[i] as string;
  const group = stepGroup(trie, at, filed, word);
  if (group < 0) return;
  const to = trie.groups[group * GROUP_FIELDS + STEPS_TO] as number;
  for (let step = trie.groups[group * GROUP_FIELDS + STEPS_FROM] as number; step < to; step++)
    // A one-letter prefix is the letter its group is filed by.
    if (filed === PREFIX1 || spells(trie.src, trie.steps[step * STEP_FIELDS + STEP_SPELLING] as number, word))
      walk(trie, childAt(trie, 'steps', step * STEP_FIELDS + STEP_CHILD), words, n, i + 1, out);
}

/**
 * A phrase pattern over the folded words (" word word … "): it starts at the space before a word and ends
 * before the space after one.
 */
export function phraseSource(pattern: string): string {
  return pattern.startsWith('^') ? `^ (?:${pattern.slice(1)})(?= )` : ` (?:${pattern})(?= )`;
}

/** Per complex branch, its expression compiled on first use. */
let branchExpressions: (Expression | null)[] = [];
let expressionsOf: PhraseMatcher | null = null;
/**
 * The comment's run in which each phrase matched; the word (count of words walked) at which each branch is
 * a candidate, and at which it was tried.
 */
let matchedIn = new Float64Array(0);
let candidateAt = new Float64Array(0);
let triedAt = new Float64Array(0);
/** For a branch the trie matches whole (`fullSequences`): the word at which it was found, and its end. */
let wholeAt = new Float64Array(0);
let wholeEnd = new Int32Array(0);
let run = 0;
let wordRun = 0;
/** Pairs `end, word` found by `walk` from one word: `walkedPairs[0 … walked)`. */
const walkedPairs: number[] = [];
let walked = 0;
/** The nodes with `keys` that `walk` went through from one word: `keyed[0 … keyedCount)`. */
const keyed: number[] = [];

let keyedCount = 0;
const toTry: number[] = [];
/** The comment as one line (" word word … ") and where each word starts in it: built when a branch needs them. */
let line = '';
const lineStarts = new Int32Array(2001);
/** The hash of each word of the comment (`hashChars`), to find the trie's word edges. */
const wordHashes = new Int32Array(lineStarts.length);

function buildLine(words: readonly string[], n: number): void {
  line = ` ${words.length === n ? words.join(' ') : words.slice(0, n).join(' ')} `;
  let offset = 1;
  for (let i = 0; i < n; i++) {
    lineStarts[i] = offset;
    offset += (words[i] as string).length + 1;
  }
}

/** The word of the line at character `offset`. */
function wordAt(offset: number, n: number): number {
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((lineStarts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Whether `words[from … to)` are made of ASCII letters and digits only. */
function asciiWords(words: readonly string[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const word = words[i] as string;
    for (let k = 0; k < word.length; k++) {
      const c = word.charCodeAt(k);
      if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) return false;
    }
  }
  return true;
}

function branchExpression(matcher: PhraseMatcher, b: number): Expression {
  let expression = branchExpressions[b];
  if (!expression) {
    expression = compileExpression(phraseSource((matcher.branches[b] as ComplexBranch).source));
    branchExpressions[b] = expression;
  }
  return expression;
}

/**
 * Calls `found(phrase, start, end)` (a word range, end exclusive) once for each phrase of `matcher` in the
 * first `n` of `words`: at its first match, words in order; at one word, the plain alternatives in the
 * trie's order, then the complex branches in the order of their keys.
 */
export function findPhrases(
  matcher: PhraseMatcher,
  words: readonly string[],
  n: number,
  found: (phrase: number, start: number, end: number) => void,
): void {
  const branches = matcher.branches.length;
  if (expressionsOf !== matcher) {
    expressionsOf = matcher;
    branchExpressions = matcher.branches.map(() => null);
    matchedIn = new Float64Array(matcher.phrases.length);
    candidateAt = new Float64Array(branches);
    triedAt = new Float64Array(branches);
    wholeAt = new Float64Array(branches);
    wholeEnd = new Int32Array(branches);
  }
  run++;
  const { trie } = matcher;
  for (let i = 0; i < n; i++) wordHashes[i] = hashChars(words[i] as string, 0, (words[i] as string).length);
  let lineBuilt = false;
  for (let w = 0; w < n; w++) {
    wordRun++;
    walked = 0;
    keyedCount = 0;
    walk(trie, matcher.root, words, n, w, walkedPairs);
    if (w === 0) walk(trie, matcher.startRoot, words, n, w, walkedPairs);
    let candidates = false;
    for (let k = 0; k < walked; k += 2) {
      const end = walkedPairs[k] as number;
      if (end < 0) {
        const b = ~end;
        if (b < branches) candidateAt[b] = wordRun;
        else {
          candidateAt[b - branches] = wordRun;
          wholeAt[b - branches] = wordRun;
          wholeEnd[b - branches] = walkedPairs[k + 1] as number;
        }
        candidates = true;
      } else if (matchedIn[end] !== run) {
        matchedIn[end] = run;
        found(end, w, walkedPairs[k + 1] as number);
      }
    }
    if (!candidates) continue;
    for (let k = 0; k < keyedCount; k++) {
      const fields = (keyed[k] as number) * NODE_FIELDS;
      for (
        let j = trie.nodes[fields + KEYS_FROM] as number;
        j < (trie.nodes[fields + KEYS_TO] as number);
        j++
      ) {
        const key = trie.ints[j] as number;
        if (candidateAt[key % branches] === wordRun) toTry.push(key);
      }
    }
    if (toTry.length === 0) continue;
    if (toTry.length > 1) toTry.sort((x, y) => x - y);
    for (const key of toTry) {
      const b = key % branches;
      const { phrase } = matcher.branches[b] as ComplexBranch;
      if (matchedIn[phrase] === run || triedAt[b] === wordRun) continue;
      triedAt[b] = wordRun;
      if (wholeAt[b] === wordRun && asciiWords(words, w, wholeEnd[b] as number)) {
        matchedIn[phrase] = run;
        found(phrase, w, wholeEnd[b] as number);
        continue;
      }
      if (!lineBuilt) {
        buildLine(words, n);
        lineBuilt = true;
      }
      const end = expressionEnd(branchExpression(matcher, b), line, (lineStarts[w] as number) - 1);
      if (end >= 0) {
        matchedIn[phrase] = run;
        found(phrase, w, wordAt(end - 1, n) + 1);
      }
    }
    toTry.length = 0;
  }
}

// ------------------------------------------------------------------ branch expressions

/*
 * A complex branch is matched by a small backtracking matcher, not a RegExp: V8 compiles each RegExp it
 * runs to native code (some 14 kB each, 3 MB for the branches a few thousand comments reach), too much
 * for every page's heap once the classifier runs in the content script. It reads the phrase syntax
 * (characters, groups of alternatives, lookaheads, `\w`, `\d`, `.`, `^`, `$`, greedy `?` `*` `+`
 * `{m,n}`) and tries alternatives from left to right and repetitions longest first, as a RegExp does: it
 * finds the same match, with the same end.
 */

/** One character (`text`), repeated. */
const CHAR = 0;
const WORD_CHAR = 1;
const DIGIT = 2;
/** `.`: any character but a line break. */
const ANY_CHAR = 3;
const GROUP = 4;
/**
 * A group of words ("(colis|livraison|…)", "(connard\w*|con)"): each alternative is plain text, and may end
 * with `\w*` or `\w+`, kept as a last `*` or `+` (neither stands for itself in a pattern).
 */
const CHOICE = 5;
// The assertions, never repeated.
const AHEAD = 6;
const NOT_AHEAD = 7;
const LINE_START = 8;
const LINE_END = 9;

/** One atom of an expression, repeated from `min` to `max` times (an assertion: once). */
interface Atom {
  kind: number;
  text: string;
  /** A group's or a lookahead's alternatives. */
  options: Expression[];
  /** A CHOICE's alternatives, `*` or `+` last for `\w*` or `\w+`. */
  words: string[];
  /**
   * A group's or a CHOICE's alternatives' first characters, one each (`ANY_HEAD` for one that may start
   * with any or none): most alternatives are passed over without a call.
   */
  heads: string;
  /** Whether one of `heads` is `ANY_HEAD`. */
  anyHead: boolean;
  min: number;
  max: number;
}

/** A sequence of atoms, and of runs of characters that each come once (strings, compared at once). */
type Expression = (Atom | string)[];

const NO_OPTIONS: Expression[] = [];
const NO_WORDS: string[] = [];
/** A character that stands for itself, and a run of them. */
const PLAIN = /^[^\\()[\]{}|*+?.^$]$/;
const PLAIN_RUN = /[^\\()[\]{}|*+?.^$]+/y;
/** An alternative of a CHOICE: plain text, then maybe `\w*` or `\w+`. */
const CHOICE_WORD = /^[^\\()[\]{}|*+?.^$]*(\\w[*+])?$/;
/** As many repetitions as a line can hold, and a small integer, as `max` needs to stay. */
const UNBOUNDED = 1e9;

/** The least and most repetitions a quantifier (`?`, `*`, `+`, `{m,n}`; '' for none) allows. */
function repetitions(quantified: string): [number, number] {
  if (quantified === '') return [1, 1];
  if (quantified === '?') return [0, 1];
  if (quantified === '*') return [0, UNBOUNDED];
  if (quantified === '+') return [1, UNBOUNDED];
  const bounds = /^\{(\d+)(,(\d*))?\}$/.exec(quantified);
  if (!bounds) throw new Error(`unknown quantifier ${quantified}`);
  const min = Number(bounds[1]);
  if (bounds[2] === undefined) return [min, min];
  return [min, bounds[3] === '' ? UNBOUNDED : Number(bounds[3])];
}

const ANY_HEAD = '\0';

/** The character every match of `expression` starts with, else `ANY_HEAD`. */
function headOf(expression: Expression): string {
  const first = expression[0];
  if (typeof first === 'string') return first.charAt(0);
  return first?.kind === CHAR && first.min > 0 ? first.text : ANY_HEAD;
}

/** The atom at `i` of `src` (before its quantifier) and where it ends; throws on syntax it does not read. */
function readAtom(src: string, i: number): { atom: Atom; end: number } {
  const c = src[i] as string;
  const atom: Atom = {
    kind: CHAR,
    text: c,
    options: NO_OPTIONS,
    words: NO_WORDS,
    heads: '',
    anyHead: false,
    min: 1,
    max: 1,
  };
  if (c === '(') {
    const end = closing(src, i) + 1;
    const inner = src.slice(i + 1, end - 1);
    atom.kind = inner.startsWith('?=') ? AHEAD : inner.startsWith('?!') ? NOT_AHEAD : GROUP;
    const body = atom.kind !== GROUP || inner.startsWith('?:') ? inner.slice(2) : inner;
    if (body.startsWith('?')) throw new Error(`unknown group in ${src}`);
    const options = alternatives(body);
    if (atom.kind === GROUP && options.every((o) => CHOICE_WORD.test(o))) {
      atom.kind = CHOICE;
      atom.words = options.map((o) => o.replace('\\w', ''));
      atom.heads = atom.words.map((word) => (/^[*+]?$/.test(word[0] ?? '') ? ANY_HEAD : word[0])).join('');
    } else {
      atom.options = options.map(compileExpression);
      atom.heads = atom.options.map(headOf).join('');
    }
    atom.anyHead = atom.heads.includes(ANY_HEAD);
    return { atom, end };
  }
  if (c === '\\') {
    atom.kind = src[i + 1] === 'w' ? WORD_CHAR : src[i + 1] === 'd' ? DIGIT : -1;
    if (atom.kind < 0) throw new Error(`unknown escape in ${src}`);
    return { atom, end: i + 2 };
  }
  if (c === '.') atom.kind = ANY_CHAR;
  else if (c === '^') atom.kind = LINE_START;
  else if (c === '$') atom.kind = LINE_END;
  else if (!PLAIN.test(c)) throw new Error(`unexpected ${c} in ${src}`);
  return { atom, end: i + 1 };
}

/** `src` (a phrase pattern, or `phraseSource` of one) compiled; throws on syntax it does not read. */
export function compileExpression(src: string): Expression {
  const out: Expression = [];
  let i = 0;
  while (i < src.length) {
    PLAIN_RUN.lastIndex = i;
    let run = i + (PLAIN_RUN.exec(src)?.[0].length ?? 0);
    // A character followed by a quantifier is an atom of its own.
    if (run > i && quantifier(src, run).length > 0) run--;
    if (run > i) {
      out.push(src.slice(i, run));
      i = run;
      continue;
    }
    const { atom, end } = readAtom(src, i);
    const quantified = src.slice(end, end + quantifier(src, end).length);
    [atom.min, atom.max] = repetitions(quantified);
    if (quantified !== '' && (src[end + quantified.length] === '?' || atom.kind >= AHEAD))
      throw new Error(`unsupported repetition in ${src}`);
    i = end + quantified.length;
    // A group of one alternative, once (the `(?:…)` around a phrase), is its atoms.
    const inline = atom.kind === GROUP && atom.options.length === 1 && quantified === '';
    for (const next of inline ? (atom.options[0] as Expression) : [atom]) {
      const last = out.length - 1;
      if (typeof next === 'string' && typeof out[last] === 'string') out[last] += next;
      else out.push(next);
    }
  }
  // Pushing leaves room to grow: a copy is exactly as long, and the compiled branches stay in memory.
  return out.slice();
}

/**
 * What to match once an expression has matched: the rest of the one around it (`rest` from `at`), or, after
 * a repetition of `group` that began at `from` with `min` to `max` still due, the next one.
 */
interface Then {
  rest: Expression;
  at: number;
  group: Atom | null;
  min: number;
  max: number;
  from: number;
  next: Then | null;
}

/** Nothing left to match: a repetition's frame goes on with the next one (`resume`). */
const NOTHING: Expression = [];

const STAR = 42;
const PLUS = 43;

const isDigit = (c: number) => c >= 48 && c <= 57;
const isLineBreak = (c: number) => c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
/** `\w`: an ASCII letter or digit, or `_` (NaN, past the end of the text, is none). */
const isWordChar = (c: number) =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;

/** How many characters from `pos` the repeated character `atom` matches, at most its `max`. */
function runLength(atom: Atom, text: string, pos: number): number {
  const end = Math.min(text.length, pos + atom.max);
  let at = pos;
  if (atom.kind === CHAR) {
    const c = atom.text.charCodeAt(0);
    while (at < end && text.charCodeAt(at) === c) at++;
  } else if (atom.kind === DIGIT) while (at < end && isDigit(text.charCodeAt(at))) at++;
  else if (atom.kind === WORD_CHAR) while (at < end && isWordChar(text.charCodeAt(at))) at++;
  else while (at < end && !isLineBreak(text.charCodeAt(at))) at++;
  return at - pos;
}

/** Where a match of `expression` from its atom `at`, then of `then`, starting at `pos` ends; else -1. */
function matchFrom(text: string, expression: Expression, at: number, pos: number, then: Then | null): number {
  for (let i = at; i < expression.length; i++) {
    const atom = expression[i] as Atom | string;
    if (typeof atom === 'string') {
      if (!text.startsWith(atom, pos)) return -1;
      pos += atom.length;
      continue;
    }
    switch (atom.kind) {
      case CHOICE:
      case GROUP: {
        if (atom.kind === CHOICE && atom.min === 1 && atom.max === 1)
          return oneWord(text, atom, pos, expression, i + 1, then);
        if (atom.min > 0 && !mayStart(atom, text, pos)) return -1;
        const after =
          i + 1 === expression.length
            ? then
            : { rest: expression, at: i + 1, group: null, min: 0, max: 0, from: pos, next: then };
        return repeat(text, atom, atom.min, atom.max, pos, after);
      }
      case AHEAD:
      case NOT_AHEAD:
        if (lookahead(text, atom, pos) !== (atom.kind === AHEAD)) return -1;
        break;
      case LINE_START:
        if (pos !== 0) return -1;
        break;
      case LINE_END:
        if (pos !== text.length) return -1;
        break;
      default: {
        // A repeated character: the longest run first, then shorter ones.
        const run = runLength(atom, text, pos);
        if (run < atom.min) return -1;
        const follow = expression[i + 1];
        // A gap before a list of words (".{0,40}(pas|jamais|…)") tries each word where each length ends.
        const words =
          typeof follow === 'object' && follow.kind === CHOICE && follow.min === 1 && follow.max === 1;
        for (let count = run; count > atom.min; count--) {
          const end = words
            ? oneWord(text, follow, pos + count, expression, i + 2, then)
            : mayStart(follow, text, pos + count)
              ? matchFrom(text, expression, i + 1, pos + count, then)
              : -1;
          if (end >= 0) return end;
        }
        pos += atom.min;
      }
    }
  }
  return resume(text, then, pos);
}

/** Whether a match of `atom` could start at `pos` (else there is no need to try). */
function mayStart(atom: Atom | string | undefined, text: string, pos: number): boolean {
  if (typeof atom === 'string') return text.startsWith(atom, pos);
  if (atom === undefined || atom.min === 0 || (atom.kind !== GROUP && atom.kind !== CHOICE)) return true;
  return nextOption(atom, charAt(text, pos), 0) >= 0;
}

/** The character at `pos`, '' past the end (read without going out of bounds, which deoptimizes). */
const charAt = (text: string, pos: number) => (pos < text.length ? text.charAt(pos) : '');

/** The first alternative from `from` whose head is `c` (a character, '' past the end) or any, else -1. */
function nextOption(group: Atom, c: string, from: number): number {
  const at = c === '' ? -1 : group.heads.indexOf(c, from);
  if (!group.anyHead) return at;
  const any = group.heads.indexOf(ANY_HEAD, from);
  return at < 0 || (any >= 0 && any < at) ? any : at;
}

/** Whether one of a lookahead's alternatives matches at `pos` (whatever follows). */
function lookahead(text: string, atom: Atom, pos: number): boolean {
  for (const option of atom.options) if (matchFrom(text, option, 0, pos, null) >= 0) return true;
  return false;
}

/** Where a match of `then` from `pos` ends (`pos` when nothing is left), else -1. */
function resume(text: string, then: Then | null, pos: number): number {
  if (then === null) return pos;
  if (then.group === null) return matchFrom(text, then.rest, then.at, pos, then.next);
  // A repetition beyond those required that matched nothing fails, as in a RegExp.
  if (then.min === 0 && pos === then.from) return -1;
  return repeat(text, then.group, Math.max(then.min - 1, 0), then.max - 1, pos, then.next);
}

/** A CHOICE once: each word, then the rest of the expression (no frame to allocate). */
function oneWord(
  text: string,
  choice: Atom,
  pos: number,
  rest: Expression,
  at: number,
  then: Then | null,
): number {
  const c = charAt(text, pos);
  for (let k = nextOption(choice, c, 0); k >= 0; k = nextOption(choice, c, k + 1)) {
    const end = wordEnd(text, choice.words[k] as string, pos, rest, at, then);
    if (end >= 0) return end;
  }
  return -1;
}

/** Where a match of a CHOICE's `word` at `pos`, then of `rest` from `at`, then of `then`, ends; else -1. */
function wordEnd(
  text: string,
  word: string,
  pos: number,
  rest: Expression,
  at: number,
  then: Then | null,
): number {
  const last = word.charCodeAt(word.length - 1);
  if (last !== STAR && last !== PLUS)
    return text.startsWith(word, pos) ? matchFrom(text, rest, at, pos + word.length, then) : -1;
  const length = word.length - 1;
  if (pos + length > text.length) return -1;
  for (let k = 0; k < length; k++) if (text.charCodeAt(pos + k) !== word.charCodeAt(k)) return -1;
  // `\w*` or `\w+`: the longest run of word characters first, then shorter ones.
  let run = 0;
  while (isWordChar(text.charCodeAt(pos + length + run))) run++;
  for (let count = run; count >= (last === PLUS ? 1 : 0); count--) {
    const end = matchFrom(text, rest, at, pos + length + count, then);
    if (end >= 0) return end;
  }
  return -1;
}

/** `group` repeated from `min` to `max` more times from `pos`, longest first, then `after`. */
function repeat(
  text: string,
  group: Atom,
  min: number,
  max: number,
  pos: number,
  after: Then | null,
): number {
  if (max === 0) return resume(text, after, pos);
  const c = charAt(text, pos);
  let again: Then | null = null;
  for (let k = nextOption(group, c, 0); k >= 0; k = nextOption(group, c, k + 1)) {
    again ??= { rest: NOTHING, at: 0, group, min, max, from: pos, next: after };
    const end =
      group.kind === CHOICE
        ? wordEnd(text, group.words[k] as string, pos, NOTHING, 0, again)
        : matchFrom(text, group.options[k] as Expression, 0, pos, again);
    if (end >= 0) return end;
  }
  return min > 0 ? -1 : resume(text, after, pos);
}

/** Where a match of `expression` starting at `pos` of `text` ends (a sticky RegExp's match), else -1. */
export function expressionEnd(expression: Expression, text: string, pos: number): number {
  return matchFrom(text, expression, 0, pos, null);
}

const SINGLE_WORD = /^[a-z0-9]+$/;

/** An atom at `i` that can only be one of a few whole words, followed by a space or the end. */
function wordChoice(src: string, i: number): { words: string[]; end: number } | null {
  if (src[i] === '(') {
    const end = closing(src, i);
    const inner = src.slice(i + 1, end).replace(/^\?:/, '');
    const after = src[end + 1];
    if (src[i + 1] === '?' && !src.startsWith('(?:', i)) return null;
    const options = alternatives(inner);
    if (!options.every((o) => SINGLE_WORD.test(o)) || (after !== undefined && after !== ' ')) return null;
    return { words: options, end: end + 1 };
  }
  const m = /^[a-z0-9]+/.exec(src.slice(i));
  if (!m) return null;
  const end = i + m[0].length;
  if (src[end] !== undefined && src[end] !== ' ') return null;
  return { words: [m[0]], end };
}

/**
 * The first two words of a branch when both are whole words known in advance ("(je|on) (vais|va) …"),
 * else null. Such a branch is tried only where those two words stand.
 */
function firstTwoWords(branch: string): [string[], string[]] | null {
  const first = wordChoice(branch, 0);
  if (!first || branch[first.end] !== ' ') return null;
  const second = wordChoice(branch, first.end + 1);
  return second ? [first.words, second.words] : null;
}

// ------------------------------------------------------------------ first words of an expression

/** What the first word of a match can be: exact words, word prefixes, or anything. */
export interface FirstWords {
  exact: Set<string>;
  prefixes: Set<string>;
  /** A number starts it (`\\d`). */
  digits: boolean;
  any: boolean;
}

interface Parsed {
  first: FirstWords;
  /** The expression can match nothing (then what follows may start the match). */
  nullable: boolean;
}

const LITERAL = /[a-z0-9]/;
const MIN_PREFIX = 2;
const none = (): FirstWords => ({ exact: new Set(), prefixes: new Set(), digits: false, any: false });
const anything = (): Parsed => ({ first: { ...none(), any: true }, nullable: false });

/** Adds `b` into `a` (in place: a group of a hundred alternatives must not copy its words a hundred times). */
function union(a: FirstWords, b: FirstWords): FirstWords {
  for (const word of b.exact) a.exact.add(word);
  for (const prefix of b.prefixes) a.prefixes.add(prefix);
  a.digits ||= b.digits;
  a.any ||= b.any;
  return a;
}

function closing(src: string, open: number): number {
  let depth = 0;
  for (let i = open; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return src.length;
}

/** Length of a quantifier at `i` (`?`, `*`, `+`, `{m,n}`), and whether it allows zero repetitions. */
function quantifier(src: string, i: number): { length: number; optional: boolean } {
  const c = src[i];
  if (c === '?' || c === '*') return { length: 1, optional: true };
  if (c === '+') return { length: 1, optional: false };
  if (c === '{') {
    const end = src.indexOf('}', i);
    return { length: end - i + 1, optional: /^\{0[,}]/.test(src.slice(i, end + 1)) };
  }
  return { length: 0, optional: false };
}

function prefixOrAny(word: string): Parsed {
  return word.length < MIN_PREFIX
    ? anything()
    : { first: { ...none(), prefixes: new Set([word]) }, nullable: false };
}

function asPrefixes(first: FirstWords): FirstWords {
  const words = [...first.exact, ...first.prefixes];
  if (first.any || words.some((w) => w.length < MIN_PREFIX)) return { ...none(), any: true };
  return { ...none(), prefixes: new Set(words), digits: first.digits };
}

/** The first words of one alternative (a sequence of atoms). */
function sequence(src: string): Parsed {
  let word = '';
  let i = 0;
  while (i < src.length) {
    const c = src[i] as string;
    if (c === ' ') {
      if (word) return { first: { ...none(), exact: new Set([word]) }, nullable: false };
      i++;
      continue;
    }
    if (LITERAL.test(c)) {
      if (quantifier(src, i + 1).length > 0) return prefixOrAny(word);
      word += c;
      i++;
      continue;
    }
    if (c === '(') {
      const end = closing(src, i);
      if (src.startsWith('(?!', i) || src.startsWith('(?=', i)) {
        i = end + 1;
        continue;
      }
      if (word) return prefixOrAny(word);
      const inner = src.slice(i + 1, end).replace(/^\?:/, '');
      const group = expression(inner);
      const q = quantifier(src, end + 1);
      const rest = src.slice(end + 1 + q.length);
      // A group glued to what follows ("(livre|livree)\w*") gives word prefixes, not whole words.
      // …unless each of its alternatives ends with its own space ("(?:ne |n |)").
      const endsWithSpace = alternatives(inner).every((o) => o === '' || o.endsWith(' '));
      const first =
        rest === '' || rest.startsWith(' ') || endsWithSpace ? group.first : asPrefixes(group.first);
      if (!q.optional && !group.nullable) return { first, nullable: false };
      const after = sequence(rest);
      return { first: union(first, after.first), nullable: after.nullable };
    }
    if (!word && src.startsWith('\\d', i)) return { first: { ...none(), digits: true }, nullable: false };
    // A wildcard, a class or an escape before the first word is known: it could be anything.
    return word ? prefixOrAny(word) : anything();
  }
  return word
    ? { first: { ...none(), exact: new Set([word]) }, nullable: false }
    : { first: none(), nullable: true };
}

function expression(src: string): Parsed {
  let first = none();
  let nullable = false;
  for (const alternative of alternatives(src)) {
    const parsed = sequence(alternative);
    first = union(first, parsed.first);
    nullable ||= parsed.nullable;
  }
  return { first, nullable };
}

/** The words a match of `pattern` can start with (anything when it may start with no word at all). */
function firstWords(pattern: string): FirstWords {
  const parsed = expression(pattern.replace(/^\^/, ''));
  return parsed.nullable ? { ...parsed.first, any: true } : parsed.first;
}

// ------------------------------------------------------------------ ahead-of-time encoding

/**
 * The matcher as JSON. Building it parses every phrase pattern (~30 ms of cold JavaScript, too much for a
 * service worker that restarts after 30 s idle): `npm run train` writes it to model/phrases.json, and a unit
 * test fails when it no longer matches phrases.ts. The trie and the tables of groups are strings, so that
 * loading the module reads a few long strings rather than building thousands of arrays: one record per
 * trie node, `ends|word:child,…|prefix:child,…` (a child is the offset of its record, base 36; the empty
 * prefix is any word), read when the walk first reaches it.
 */
export interface EncodedMatcher {
  phrases: [kind: CueKind, feature: number][];
  /** The trie's records, children before their parent. */
  trie: string;
  /** Offsets of the two roots' records. */
  root: number;
  startRoot: number;
  branches: [phrase: number, source: string][];
}

interface Encoding {
  records: string[];
  length: number;
  /** Identical subtrees (lists of words expanded: "(je|on) (vais|va) …") are written once. */
  written: Map<string, number>;
}

function encodeNode(at: TrieNode, out: Encoding): number {
  const ref = (child: TrieNode) => encodeNode(child, out).toString(36);
  const exact = [...(at.exact ?? [])].map(([word, child]) => `${word}:${ref(child)}`);
  const prefixes: string[] = [];
  for (const byKey of [at.prefixes, at.prefixes2, at.short])
    for (const list of byKey?.values() ?? [])
      for (const p of list) prefixes.push(`${p.prefix}:${ref(p.child)}`);
  if (at.any) prefixes.push(`:${ref(at.any)}`);
  const record = `${at.ends.join(',')}|${exact.join(',')}|${prefixes.join(',')}|${at.keys?.join(',') ?? ''}\n`;
  const written = out.written.get(record);
  if (written !== undefined) return written;
  const start = out.length;
  out.records.push(record);
  out.written.set(record, start);
  out.length += record.length;
  return start;
}

export function encodeMatcher(matcher: BuiltMatcher): EncodedMatcher {
  const out: Encoding = { records: [], length: 0, written: new Map() };
  const root = encodeNode(matcher.root, out);
  const startRoot = encodeNode(matcher.startRoot, out);
  return {
    phrases: matcher.phrases.map(({ kind, feature }) => [kind, feature]),
    trie: out.records.join(''),
    root,
    startRoot,
    branches: matcher.branches.map(({ phrase, source }) => [phrase, source]),
  };
}

/** The matcher of `encoded`; its trie nodes are read as the walks first reach them. */
export function decodeMatcher(encoded: EncodedMatcher): PhraseMatcher {
  const trie = new Trie(encoded.trie);
  return {
    phrases: encoded.phrases.map(([kind, feature]) => ({ kind, feature })),
    trie,
    root: read(trie, encoded.root),
    startRoot: read(trie, encoded.startRoot),
    branches: encoded.branches.map(([phrase, source]) => ({ phrase, source })),
  };
}

// ------------------------------------------------------------------ the trie that walks read

/*
 * Walks read the encoded trie into typed arrays, a record when a walk first reaches it: as objects, maps and
 * word strings, the 3,000 nodes and 11,000 word edges a few thousand comments reach held 2 MB. A node is
 * an index; a word edge is found in one hash table of all of them, by the word's hash and its node, and
 * checked against the word's spelling in the encoded trie, so no word is copied. Prefix steps are found
 * the same way, by the letters `TrieNode` files them by.
 */

/**
 * A node's fields in `Trie.nodes`: its record's offset, where its ends and keys lie in `ints`, its any-word
 * child, how its prefix steps are filed (`PREFIX3` …).
 */
const NODE_FIELDS = 7;
const OFFSET = 0;
const ENDS_FROM = 1;
const ENDS_TO = 2;
const KEYS_FROM = 3;
const KEYS_TO = 4;
const ANY = 5;
const PREFIXES = 6;
/** Prefix steps filed by three letters (the third one's low six bits, as `head3`), two, one. */
const PREFIX3 = 1;
const PREFIX2 = 2;
const PREFIX1 = 4;
/** The node's word edges are in a `Map` (`Trie.wide`), not the hash table of edges. */
const WIDE = 8;
/**
 * A node with this many word edges or more (the two roots: 1,300 and 200) keeps them in a `Map` built as the
 * record is read, as objects did: filling the typed tables with them one by one, before the code is
 * compiled, made the first classification ~8 ms slower. The two Maps hold 108 kB of heap.
 */
const WIDE_EDGES = 128;
/** A prefix step's fields in `Trie.steps`: its prefix's spelling, its child. */
const STEP_FIELDS = 2;
const STEP_SPELLING = 0;
const STEP_CHILD = 1;
/** A group's fields in `Trie.groups`: the node, the steps (of one node, filed alike) from and to. */
const GROUP_FIELDS = 3;
const STEPS_FROM = 1;
const STEPS_TO = 2;
/** An edge's fields in `Trie.edges`: its node, its word's spelling (`spellingAt`), its child. */
const EDGE_FIELDS = 3;
const PARENT = 0;
const SPELLING = 1;
const CHILD = 2;
/** No child (a node without an any-word step). */
const NO_CHILD = -1;
/** A child not read yet, by its record's offset (a read one is its node's index). */
const unread = (offset: number) => -2 - offset;

/** The trie read so far from `src` (an encoded trie), and the tables that find its nodes and steps. */
class Trie {
  // Sized when the roots' 1,500 word edges were in `edges` too (they are in `wide`): no rehash while read.
  nodes = new Int32Array(512 * NODE_FIELDS);
  nodeCount = 0;
  /** Open addressing, a node's index + 1 by its record's offset (0: empty). */
  nodeSlots = new Int32Array(1024);
  /** Prefix steps in their record's order, and their groups: those of one node filed alike, found by hash. */
  steps = new Int32Array(512 * STEP_FIELDS);
  stepCount = 0;
  groups = new Int32Array(256 * GROUP_FIELDS);
  groupCount = 0;
  /** Open addressing, a group's index + 1 by its letters' hash (`headHash`) and its node (0: empty). */
  groupSlots = new Int32Array(1024);
  edges = new Int32Array(2048 * EDGE_FIELDS);
  edgeCount = 0;
  /** Open addressing, an edge's index + 1 by its word's hash and its node (0: empty). */
  edgeSlots = new Int32Array(4096);
  /** The nodes' ends and keys. */
  ints = new Int32Array(2048);
  intCount = 0;
  /** The word edges of the nodes with `WIDE_EDGES` or more, by node: word → child (node index, or `unread`). */
  wide = new Map<number, Map<string, number>>();
  constructor(readonly src: string) {}
}

/**
 * A hash of the word `text[from … to)`: FNV-1a of its length, its first three letters and its last two. The
 * edge it finds is checked against the whole word; hashing a few letters keeps reading a node with a
 * hundred edges short before the code is compiled.
 */
function hashChars(text: string, from: number, to: number): number {
  let h = Math.imul(0x811c9dc5 ^ (to - from), 0x01000193);
  const head = Math.min(to, from + 3);
  for (let k = from; k < head; k++) h = Math.imul(h ^ text.charCodeAt(k), 0x01000193);
  for (let k = Math.max(head, to - 2); k < to; k++) h = Math.imul(h ^ text.charCodeAt(k), 0x01000193);
  return h;
}

/** A slot of a table of `mask + 1` slots (a power of two) for `hash` under node `parent`. */
function slotOf(hash: number, parent: number, mask: number): number {
  const h = Math.imul(hash ^ Math.imul(parent + 1, 0x9e3779b1), 0x85ebca6b);
  return (h ^ (h >>> 15)) & mask;
}

/** `array` with room for `size` integers (half as much again when it has to grow). */
function room(array: Int32Array<ArrayBuffer>, size: number): Int32Array<ArrayBuffer> {
  if (size <= array.length) return array;
  const grown = new Int32Array(Math.max(size, array.length + (array.length >> 1)));
  grown.set(array);
  return grown;
}

/** Files `value` (an index + 1) in `slots` at the first free slot from `hash`'s. */
function fileSlot(slots: Int32Array, hash: number, parent: number, value: number): void {
  const mask = slots.length - 1;
  let s = slotOf(hash, parent, mask);
  while (slots[s] !== 0) s = (s + 1) & mask;
  slots[s] = value;
}

/** A word's or a prefix's offset in the encoded trie, and its length (phrase words are far under 256). */
const spellingAt = (spelling: number) => spelling >>> 8;
const spellingLength = (spelling: number) => spelling & 255;

/** The edge of word `word` (of hash `hash`) from node `parent`, else -1. */
function exactEdge(trie: Trie, parent: number, word: string, hash: number): number {
  const { edgeSlots, edges } = trie;
  const mask = edgeSlots.length - 1;
  for (let s = slotOf(hash, parent, mask); ; s = (s + 1) & mask) {
    const edge = (edgeSlots[s] as number) - 1;
    if (edge < 0) return -1;
    const at = edge * EDGE_FIELDS;
    const spelling = edges[at + SPELLING] as number;
    if (
      edges[at + PARENT] === parent &&
      spellingLength(spelling) === word.length &&
      trie.src.startsWith(word, spellingAt(spelling))
    )
      return edge;
  }
}

/** Makes room for `more` edges (a node's, before they are added one by one). */
function reserveEdges(trie: Trie, more: number): void {
  const count = trie.edgeCount + more;
  trie.edges = room(trie.edges, count * EDGE_FIELDS);
  // At most half full: a word that is not there is found missing within a slot or two.
  if (count * 2 <= trie.edgeSlots.length) return;
  let size = trie.edgeSlots.length * 2;
  while (count * 2 > size) size *= 2;
  trie.edgeSlots = new Int32Array(size);
  for (let e = 0; e < trie.edgeCount; e++) {
    const spelling = trie.edges[e * EDGE_FIELDS + SPELLING] as number;
    const from = spellingAt(spelling);
    const hash = hashChars(trie.src, from, from + spellingLength(spelling));
    fileSlot(trie.edgeSlots, hash, trie.edges[e * EDGE_FIELDS + PARENT] as number, e + 1);
  }
}

/** Adds an edge, with room for it (`reserveEdges`). */
function addEdge(trie: Trie, parent: number, wordAt: number, length: number, child: number): void {
  const edge = trie.edgeCount++;
  const at = edge * EDGE_FIELDS;
  trie.edges[at + PARENT] = parent;
  trie.edges[at + SPELLING] = (wordAt << 8) | length;
  trie.edges[at + CHILD] = child;
  fileSlot(trie.edgeSlots, hashChars(trie.src, wordAt, wordAt + length), parent, edge + 1);
}

/** Appends the numbers of `trie.src[from … to)` ("12,-3,45") to `trie.ints`. */
function readInts(trie: Trie, from: number, to: number): void {
  if (from === to) return;
  for (const value of trie.src.slice(from, to).split(',')) {
    trie.ints = room(trie.ints, trie.intCount + 1);
    trie.ints[trie.intCount++] = Number(value);
  }
}

/** The index of the node whose record starts at `offset`, read on the first call. */
function read(trie: Trie, offset: number): number {
  const { src } = trie;
  const mask = trie.nodeSlots.length - 1;
  for (let s = slotOf(offset, 0, mask); trie.nodeSlots[s] !== 0; s = (s + 1) & mask) {
    const found = (trie.nodeSlots[s] as number) - 1;
    if (trie.nodes[found * NODE_FIELDS + OFFSET] === offset) return found;
  }
  const node = trie.nodeCount++;
  trie.nodes = room(trie.nodes, trie.nodeCount * NODE_FIELDS);
  if (trie.nodeCount * 2 > trie.nodeSlots.length) {
    trie.nodeSlots = new Int32Array(trie.nodeSlots.length * 2);
    for (let n = 0; n < node; n++)
      fileSlot(trie.nodeSlots, trie.nodes[n * NODE_FIELDS + OFFSET] as number, 0, n + 1);
  }
  fileSlot(trie.nodeSlots, offset, 0, node + 1);
  // A record: `ends|word:child,…|prefix:child,…|keys`, children as base-36 offsets.
  const exactAt = src.indexOf('|', offset) + 1;
  const prefixesAt = src.indexOf('|', exactAt) + 1;
  const keysAt = src.indexOf('|', prefixesAt) + 1;
  const end = src.indexOf('\n', keysAt);
  const fields = node * NODE_FIELDS;
  trie.nodes[fields + OFFSET] = offset;
  trie.nodes[fields + ENDS_FROM] = trie.intCount;
  readInts(trie, offset, exactAt - 1);
  trie.nodes[fields + ENDS_TO] = trie.intCount;
  trie.nodes[fields + KEYS_FROM] = trie.intCount;
  readInts(trie, keysAt, end);
  trie.nodes[fields + KEYS_TO] = trie.intCount;
  trie.nodes[fields + ANY] = NO_CHILD;
  trie.nodes[fields + PREFIXES] = 0;
  if (prefixesAt - 1 > exactAt) {
    const edges = src.slice(exactAt, prefixesAt - 1).split(',');
    if (edges.length >= WIDE_EDGES) {
      const byWord = new Map<string, number>();
      for (const edge of edges) {
        const colon = edge.indexOf(':');
        byWord.set(edge.slice(0, colon), unread(Number.parseInt(edge.slice(colon + 1), 36)));
      }
      trie.wide.set(node, byWord);
      trie.nodes[fields + PREFIXES] = WIDE;
    } else {
      reserveEdges(trie, edges.length);
      let at = exactAt;
      for (const edge of edges) {
        const colon = edge.indexOf(':');
        addEdge(trie, node, at, colon, unread(Number.parseInt(edge.slice(colon + 1), 36)));
        at += edge.length + 1;
      }
    }
  }
  let stepAt = prefixesAt;
  for (const step of keysAt - 1 > prefixesAt ? src.slice(prefixesAt, keysAt - 1).split(',') : []) {
    const colon = step.indexOf(':');
    const child = unread(Number.parseInt(step.slice(colon + 1), 36));
    if (colon === 0) trie.nodes[fields + ANY] = child;
    else {
      const filed = filing(colon);
      trie.nodes[fields + PREFIXES] = (trie.nodes[fields + PREFIXES] as number) | filed;
      addStep(trie, node, filed, stepAt, colon, child);
    }
    stepAt += step.length + 1;
  }
  return node;
}

/** How a prefix of `length` letters is filed. */
const filing = (length: number) => (length > 2 ? PREFIX3 : length === 2 ? PREFIX2 : PREFIX1);

/** The hash of the letters of `text` from `at` that a prefix step filed as `filed` is found by. */
function headHash(text: string, at: number, filed: number): number {
  let h = Math.imul(0x811c9dc5 ^ filed, 0x01000193);
  h = Math.imul(h ^ text.charCodeAt(at), 0x01000193);
  if (filed !== PREFIX1) h = Math.imul(h ^ text.charCodeAt(at + 1), 0x01000193);
  return filed === PREFIX3 ? Math.imul(h ^ (text.charCodeAt(at + 2) & 63), 0x01000193) : h;
}

/** Whether `a[i …]` and `b[j …]` have the letters a step filed as `filed` is found by. */
function sameHead(a: string, i: number, b: string, j: number, filed: number): boolean {
  if (a.charCodeAt(i) !== b.charCodeAt(j)) return false;
  if (filed !== PREFIX1 && a.charCodeAt(i + 1) !== b.charCodeAt(j + 1)) return false;
  return filed !== PREFIX3 || (a.charCodeAt(i + 2) & 63) === (b.charCodeAt(j + 2) & 63);
}

/**
 * Adds the prefix step `src[at … at + length)` of `node`. The record lists a node's steps filed alike
 * together (as `TrieNode` files them), so a step that is not filed as the one before opens a group.
 */
function addStep(trie: Trie, node: number, filed: number, at: number, length: number, child: number): void {
  const step = trie.stepCount++;
  trie.steps = room(trie.steps, trie.stepCount * STEP_FIELDS);
  trie.steps[step * STEP_FIELDS + STEP_SPELLING] = (at << 8) | length;
  trie.steps[step * STEP_FIELDS + STEP_CHILD] = child;
  const last = (trie.groupCount - 1) * GROUP_FIELDS;
  if (trie.groupCount > 0 && trie.groups[last + PARENT] === node) {
    const before = trie.steps[(step - 1) * STEP_FIELDS + STEP_SPELLING] as number;
    if (
      filing(spellingLength(before)) === filed &&
      sameHead(trie.src, spellingAt(before), trie.src, at, filed)
    ) {
      trie.groups[last + STEPS_TO] = step + 1;
      return;
    }
  }
  const group = trie.groupCount++;
  trie.groups = room(trie.groups, trie.groupCount * GROUP_FIELDS);
  trie.groups[group * GROUP_FIELDS + PARENT] = node;
  trie.groups[group * GROUP_FIELDS + STEPS_FROM] = step;
  trie.groups[group * GROUP_FIELDS + STEPS_TO] = step + 1;
  if (trie.groupCount * 2 > trie.groupSlots.length) {
    trie.groupSlots = new Int32Array(trie.groupSlots.length * 2);
    for (let g = 0; g < trie.groupCount; g++) {
      const first = firstSpelling(trie, g);
      const hash = headHash(trie.src, spellingAt(first), filing(spellingLength(first)));
      fileSlot(trie.groupSlots, hash, trie.groups[g * GROUP_FIELDS + PARENT] as number, g + 1);
    }
  } else fileSlot(trie.groupSlots, headHash(trie.src, at, filed), node, group + 1);
}

/** The spelling of the first step of `group`. */
const firstSpelling = (trie: Trie, group: number) =>
  trie.steps[
    (trie.groups[group * GROUP_FIELDS + STEPS_FROM] as number) * STEP_FIELDS + STEP_SPELLING
  ] as number;

/** The group of node `parent`'s prefix steps filed as `filed` that `word` is filed by, else -1. */
function stepGroup(trie: Trie, parent: number, filed: number, word: string): number {
  const { groupSlots, groups, src } = trie;
  const mask = groupSlots.length - 1;
  for (let s = slotOf(headHash(word, 0, filed), parent, mask); ; s = (s + 1) & mask) {
    const group = (groupSlots[s] as number) - 1;
    if (group < 0) return -1;
    if (groups[group * GROUP_FIELDS + PARENT] !== parent) continue;
    const first = firstSpelling(trie, group);
    if (filing(spellingLength(first)) === filed && sameHead(src, spellingAt(first), word, 0, filed))
      return group;
  }
}

/** Whether `word` starts with the prefix spelt `spelling`. */
function spells(src: string, spelling: number, word: string): boolean {
  const at = spellingAt(spelling);
  const length = spellingLength(spelling);
  if (word.length < length) return false;
  for (let k = 0; k < length; k++) if (src.charCodeAt(at + k) !== word.charCodeAt(k)) return false;
  return true;
}

/** The node word `word` leads to from `parent`, a `WIDE` node (read on the first call), else -1. */
function wideChild(trie: Trie, parent: number, word: string): number {
  const byWord = trie.wide.get(parent) as Map<string, number>;
  const child = byWord.get(word);
  if (child === undefined) return -1;
  if (child >= 0) return child;
  const node = read(trie, -2 - child);
  byWord.set(word, node);
  return node;
}

/**
 * The node in slot `at` of the table `table` (a node's any-word step, an edge, a prefix step): read on the
 * first call, else NO_CHILD. The table is looked up again after the read, which may have grown it.
 */
function childAt(trie: Trie, table: 'nodes' | 'edges' | 'steps', at: number): number {
  const child = trie[table][at] as number;
  if (child >= NO_CHILD) return child;
  const node = read(trie, -2 - child);
  trie[table][at] = node;
  return node;
}
