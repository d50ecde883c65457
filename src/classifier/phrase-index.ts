/**
 * Fast phrase matching without a second phrase syntax. A phrase pattern is a regular expression over the
 * folded words; most of its alternatives are plain word sequences ("toujours pas recu", "decu\w*"). Those
 * go into a word trie, walked once per word of a comment. The others (groups, gaps, classes) stay regular
 * expressions, each compiled alone on first use and tried only at the words it can start with, read out
 * of the expression (`firstWords`); what cannot be bounded that way is tried at every word.
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

/** A word of a plain alternative: a whole word, or a prefix (`decu\w*`). */
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

interface TrieNode {
  exact: Map<string, TrieNode>;
  /** Prefix steps by their first two letters (a word is checked only against prefixes it could have). */
  prefixes: Map<number, { prefix: string; node: TrieNode }[]>;
  /** Phrases (indexes) whose alternative ends here. */
  ends: number[];
}

const node = (): TrieNode => ({ exact: new Map(), prefixes: new Map(), ends: [] });
/**
 * The first two letters of a word (the one letter of a one-letter word) as a number: a map key read
 * without building a string for every word of every comment.
 */
const head = (word: string) =>
  word.length < 2 ? word.charCodeAt(0) : word.charCodeAt(0) * 65536 + word.charCodeAt(1);

/** An alternative that stays a regular expression, with the phrase it belongs to. */
export interface ComplexBranch {
  phrase: number;
  source: string;
}

/**
 * Complex branches that may start at the same word, tried together: one expression of all of them
 * first (a word rarely starts any), then each one only when that matched.
 */
export interface BranchGroup {
  branches: number[];
}

export interface PhraseMatcher {
  /** Per phrase (by index): its cue kind and its feature's hash, so the engine needs no pattern text. */
  phrases: PhraseInfo[];
  root: TrieNode;
  branches: ComplexBranch[];
  groups: BranchGroup[];
  /** Groups by the word, or the prefix, their branches start with; `everywhere` for the unbounded. */
  byWord: Map<string, number>;
  /**
   * Groups of branches whose first two words are known, by first then second word: tried only there (two
   * look-ups of the comment's own words, no pair string built per word).
   */
  byPair: Map<string, Map<string, number>>;
  byPrefix: Map<number, { prefix: string; group: number }[]>;
  /** The group of branches that start with a number, tried at numbers only. */
  digits: number | null;
  /** The group of branches anchored at the comment's start (`^…`), tried at its first word only. */
  start: number | null;
  everywhere: number | null;
}

/** Files `group` under the two words of `pair` ("first second"). */
function setPair(byPair: PhraseMatcher['byPair'], pair: string, group: number): void {
  const [first, second] = pair.split(' ') as [string, string];
  const seconds = byPair.get(first) ?? new Map<string, number>();
  seconds.set(second, group);
  byPair.set(first, seconds);
}

/** What the engine needs of a phrase once it has matched. */
export interface PhraseInfo {
  kind: CueKind;
  feature: number;
}

export function buildMatcher(patterns: readonly string[], phrases: readonly PhraseInfo[]): PhraseMatcher {
  const root = node();
  const branches: ComplexBranch[] = [];
  patterns.forEach((pattern, phrase) => {
    // An anchored pattern stays whole: its alternatives share the anchor.
    for (const branch of pattern.startsWith('^') ? [pattern] : alternatives(pattern)) {
      const words = plainWords(branch);
      if (!words) {
        branches.push({ phrase, source: branch });
        continue;
      }
      let at = root;
      for (const { word, prefix } of words) {
        if (prefix) {
          const list = at.prefixes.get(head(word)) ?? [];
          at.prefixes.set(head(word), list);
          let next = list.find((p) => p.prefix === word)?.node;
          if (!next) {
            next = node();
            list.push({ prefix: word, node: next });
          }
          at = next;
        } else {
          let next = at.exact.get(word);
          if (!next) {
            next = node();
            at.exact.set(word, next);
          }
          at = next;
        }
      }
      if (!at.ends.includes(phrase)) at.ends.push(phrase);
    }
  });
  const matcher: PhraseMatcher = {
    phrases: [...phrases],
    root,
    branches,
    groups: [],
    byWord: new Map(),
    byPair: new Map(),
    byPrefix: new Map(),
    digits: null,
    start: null,
    everywhere: null,
  };
  const anchored: number[] = [];
  const pairs = new Map<string, number[]>();
  const words = new Map<string, number[]>();
  const prefixes = new Map<string, number[]>();
  const everywhere: number[] = [];
  const digits: number[] = [];
  branches.forEach(({ source }, branch) => {
    if (source.startsWith('^')) {
      anchored.push(branch);
      return;
    }
    const two = firstTwoWords(source);
    if (two) {
      for (const a of two[0])
        for (const b of two[1]) pairs.set(`${a} ${b}`, [...(pairs.get(`${a} ${b}`) ?? []), branch]);
      return;
    }
    const first = firstWords(source);
    if (first.any) everywhere.push(branch);
    else {
      if (first.digits) digits.push(branch);
      for (const word of first.exact) words.set(word, [...(words.get(word) ?? []), branch]);
      for (const prefix of first.prefixes) prefixes.set(prefix, [...(prefixes.get(prefix) ?? []), branch]);
    }
  });
  const group = (members: number[]) => matcher.groups.push({ branches: members }) - 1;
  for (const [word, members] of words) matcher.byWord.set(word, group(members));
  for (const [pair, members] of pairs) setPair(matcher.byPair, pair, group(members));
  for (const [prefix, members] of prefixes) {
    const list = matcher.byPrefix.get(head(prefix)) ?? [];
    list.push({ prefix, group: group(members) });
    matcher.byPrefix.set(head(prefix), list);
  }
  if (digits.length > 0) matcher.digits = group(digits);
  if (anchored.length > 0) matcher.start = group(anchored);
  if (everywhere.length > 0) matcher.everywhere = group(everywhere);
  return matcher;
}

/**
 * Appends `phrase, end` pairs to `out` for every plain alternative matching at word `start` of `words`
 * (end exclusive). Linear in the words times the longest phrase; no allocation.
 */
export function walkTrie(
  matcher: PhraseMatcher,
  words: readonly string[],
  n: number,
  start: number,
  out: number[],
): void {
  walk(matcher.root, words, n, start, out);
}

function walk(at: TrieNode, words: readonly string[], n: number, i: number, out: number[]): void {
  for (const phrase of at.ends) out.push(phrase, i);
  if (i >= n) return;
  const word = words[i] as string;
  const next = at.exact.get(word);
  if (next) walk(next, words, n, i + 1, out);
  if (at.prefixes.size === 0) return;
  const candidates = at.prefixes.get(head(word));
  if (candidates)
    for (const p of candidates) if (word.startsWith(p.prefix)) walk(p.node, words, n, i + 1, out);
  // One-letter prefixes are filed under that letter alone.
  const short = word.length > 1 ? at.prefixes.get(word.charCodeAt(0)) : undefined;
  if (short) for (const p of short) if (word.startsWith(p.prefix)) walk(p.node, words, n, i + 1, out);
}

/**
 * Appends to `out` each group of complex branches that may start at `word` (followed by `next`; `first`:
 * the comment's first word).
 */
export function groupsAt(
  matcher: PhraseMatcher,
  word: string,
  next: string | undefined,
  first: boolean,
  out: number[],
): void {
  if (first && matcher.start !== null) out.push(matcher.start);
  if (next !== undefined) {
    const pair = matcher.byPair.get(word)?.get(next);
    if (pair !== undefined) out.push(pair);
  }
  const exact = matcher.byWord.get(word);
  if (exact !== undefined) out.push(exact);
  const prefixed = matcher.byPrefix.get(head(word));
  if (prefixed) for (const p of prefixed) if (word.startsWith(p.prefix)) out.push(p.group);
  const c = word.charCodeAt(0);
  if (matcher.digits !== null && c >= 48 && c <= 57) out.push(matcher.digits);
  if (matcher.everywhere !== null) out.push(matcher.everywhere);
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
 * The matcher as plain JSON. Building it parses every phrase pattern (~30 ms of cold JavaScript, too much
 * for a service worker that restarts after 30 s idle): `npm run train` writes it to model/phrases.json,
 * the engine decodes it in a few milliseconds, and a unit test fails when it no longer matches phrases.ts.
 */
type EncodedNode = [ends: number[], exact: [string, EncodedNode][], prefixes: [string, EncodedNode][]];

export interface EncodedMatcher {
  phrases: [kind: CueKind, feature: number][];
  trie: EncodedNode;
  branches: [phrase: number, source: string][];
  groups: number[][];
  byWord: [string, number][];
  byPair: [string, number][];
  byPrefix: [string, number][];
  digits: number | null;
  start: number | null;
  everywhere: number | null;
}

function encodeNode(at: TrieNode): EncodedNode {
  const prefixes: [string, EncodedNode][] = [];
  for (const list of at.prefixes.values())
    for (const p of list) prefixes.push([p.prefix, encodeNode(p.node)]);
  return [at.ends, [...at.exact].map(([word, child]) => [word, encodeNode(child)]), prefixes];
}

function decodeNode([ends, exact, prefixes]: EncodedNode): TrieNode {
  const at: TrieNode = { exact: new Map(), prefixes: new Map(), ends };
  for (const [word, child] of exact) at.exact.set(word, decodeNode(child));
  for (const [prefix, child] of prefixes) {
    const list = at.prefixes.get(head(prefix)) ?? [];
    list.push({ prefix, node: decodeNode(child) });
    at.prefixes.set(head(prefix), list);
  }
  return at;
}

export function encodeMatcher(matcher: PhraseMatcher): EncodedMatcher {
  return {
    phrases: matcher.phrases.map(({ kind, feature }) => [kind, feature]),
    trie: encodeNode(matcher.root),
    branches: matcher.branches.map(({ phrase, source }) => [phrase, source]),
    groups: matcher.groups.map((g) => g.branches),
    byWord: [...matcher.byWord],
    byPair: [...matcher.byPair].flatMap(([first, seconds]) =>
      [...seconds].map(([second, group]): [string, number] => [`${first} ${second}`, group]),
    ),
    byPrefix: [...matcher.byPrefix.values()].flat().map(({ prefix, group }) => [prefix, group]),
    digits: matcher.digits,
    start: matcher.start,
    everywhere: matcher.everywhere,
  };
}

export function decodeMatcher(encoded: EncodedMatcher): PhraseMatcher {
  const byPrefix = new Map<number, { prefix: string; group: number }[]>();
  for (const [prefix, group] of encoded.byPrefix) {
    const list = byPrefix.get(head(prefix)) ?? [];
    list.push({ prefix, group });
    byPrefix.set(head(prefix), list);
  }
  const byPair: PhraseMatcher['byPair'] = new Map();
  for (const [pair, group] of encoded.byPair) setPair(byPair, pair, group);
  return {
    phrases: encoded.phrases.map(([kind, feature]) => ({ kind, feature })),
    root: decodeNode(encoded.trie),
    branches: encoded.branches.map(([phrase, source]) => ({ phrase, source })),
    groups: encoded.groups.map((branches) => ({ branches })),
    byWord: new Map(encoded.byWord),
    byPair,
    byPrefix,
    digits: encoded.digits,
    start: encoded.start,
    everywhere: encoded.everywhere,
  };
}
