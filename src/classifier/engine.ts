/**
 * The classifier engine: the features (shared by training and inference), the linear model over them, the
 * one hand-set decision (the threat safety rule) and the cues that explain a label.
 *
 * Two groups of features: hashed words, word pairs and character 5-grams, scaled by 1/√n (n ≥ 60) so that
 * a long comment does not outweigh a short one; and structured features of one value whatever the length
 * (`STRUCTURED_WEIGHT`) — phrase hits (phrases.ts), threat frames (frames.ts), a few shapes and their
 * pairwise interactions — so that a threat at the end of a long polite text still counts in full. Every
 * weight is learned (`npm run train`).
 */
import type { Classification, Cue, CueKind, Label } from '../shared/comment';
import { FRAME_WORD_BITS, type FrameHit, findFrames, frameWords, hasCondition } from './frames';
import { EN_WORDS, FR_WORDS } from './lang';
import compiledMatcher from './model/phrases.json';
import { type Model, weightAt } from './model-codec';
import { negationBefore } from './negation';
import {
  decodeMatcher,
  type EncodedMatcher,
  findPhrases,
  type PhraseInfo,
  type PhraseMatcher,
} from './phrase-index';
import {
  breaksClause,
  fold,
  isCombiningMark,
  isInvisible,
  MAX_TOKENS,
  tokEnd,
  tokenize,
  tokens,
  tokStart,
} from './text';

// ------------------------------------------------------------------ hashing

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function fmix(h0: number): number {
  let h = h0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function hashStr(s: string, seed: number): number {
  let h = (FNV_OFFSET ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

const SEED_WORD = 0x1234567;
const SEED_BIGRAM = 0x2468ace;
const SEED_CHAR = 0x369cf03;
const SEED_NAMED = 0x48d159e;

const namedHashes = new Map<string, number>();
/** The hash of a named (structured) feature such as `kind:insult` or `frame:threat`. */
export function namedFeature(name: string): number {
  let h = namedHashes.get(name);
  if (h === undefined) {
    h = fmix(hashStr(name, SEED_NAMED));
    namedHashes.set(name, h);
  }
  return h;
}

// ------------------------------------------------------------------ phrases

export { phraseSource } from './phrase-index';

interface CompiledPhrases {
  matcher: PhraseMatcher;
  kindFeatures: number[];
  features: number[];
}
let compiled: CompiledPhrases | null = null;

function phrases(): CompiledPhrases {
  if (!compiled) {
    const matcher = decodeMatcher(compiledMatcher as unknown as EncodedMatcher);
    compiled = {
      matcher,
      kindFeatures: matcher.phrases.map((p) => namedFeature(`kind:${p.kind}`)),
      features: matcher.phrases.map((p) => p.feature),
    };
  }
  return compiled;
}

// ------------------------------------------------------------------ analysis

/** Something in the comment that can explain a label: a phrase or a frame, with the features it fired. */
export interface Hit {
  kind: CueKind;
  /** Token range [start, end). */
  start: number;
  end: number;
  features: number[];
}

export interface Analysis {
  nTokens: number;
  /** Hashed n-gram features (scaled by 1/√n in the model), valid up to `nGram`. */
  nGram: number;
  /** Structured features (of value `STRUCTURED_WEIGHT`), valid up to `nStructured`. */
  nStructured: number;
  hits: Hit[];
  lang: 'fr' | 'en' | 'und';
  capsRatio: number;
  exclaims: number;
  truncated: boolean;
  fullLength: number;
  original: string;
  /** Folded-text → original index map and token offsets: shared buffers, valid until the next call. */
  map: Int32Array;
  starts: Int32Array;
  ends: Int32Array;
}

const FEAT_CAP = 60000;
const STRUCT_CAP = 512;
/** Shared feature buffers (hashes before masking). */
export const gramFeatures = new Uint32Array(FEAT_CAP);
export const structuredFeatures = new Uint32Array(STRUCT_CAP);

const MAX_TOKEN_NGRAM_LEN = 24;
/**
 * Character n-grams are 5 characters long, word edges included: chosen over 3–4, 4 and 6 by
 * cross-validation and leave-one-corpus-out (README, "Design choices"), with half as many features.
 */
const CHAR_NGRAM = 5;
/** Where each token's n-grams start in `gramFeatures` (its word, its pair, its character 5-grams). */
const tokenGrams = new Int32Array(MAX_TOKENS + 1);
/** The token between two spaces as character codes (`spaced[0]` stays a space): no branch per character. */
const spaced = new Int32Array(MAX_TOKEN_NGRAM_LEN + 2).fill(32);

const FIRST_PERSON = ['je', 'j', 'me', 'm', 'moi', 'mon', 'ma', 'mes', 'i', 'my', 'mine', 'myself'];
const IS_FR = 1 << FRAME_WORD_BITS;
const IS_EN = 2 << FRAME_WORD_BITS;
const IS_FIRST_PERSON = 4 << FRAME_WORD_BITS;
let wordClasses: Map<string, number> | null = null;
/**
 * Stop words of each language, first-person words, and the words of the frames (frames.ts) with their
 * bits: one look-up per token for all three.
 */
function classesOfWords(): Map<string, number> {
  if (!wordClasses) {
    wordClasses = frameWords();
    for (const w of FR_WORDS) wordClasses.set(w, (wordClasses.get(w) ?? 0) | IS_FR);
    for (const w of EN_WORDS) wordClasses.set(w, (wordClasses.get(w) ?? 0) | IS_EN);
    for (const w of FIRST_PERSON) wordClasses.set(w, (wordClasses.get(w) ?? 0) | IS_FIRST_PERSON);
  }
  return wordClasses;
}
/** The bits of each token of the last analysis, which the frames read too (shared buffer). */
const tokenClasses = new Uint8Array(MAX_TOKENS);

/** A word or two between quotes ("another 'innovation'", « service » client): a sarcasm hint. */
const SCARE_QUOTE =
  /(?:^|[\s(])["“«‘'] ?([^\s"“”«»‘’'.,!?]{3,30}(?: [^\s"“”«»‘’'.,!?]{2,30})?) ?["”»’'](?=$|[\s.,!?;:)…])/u;

/** Kinds that pair with each other as interaction features ("a calm question × customer vocabulary"). */
const SIGNALS = [
  'question',
  'first_person',
  'complaint',
  'praise',
  'dissatisfaction',
  'insult',
  'mockery',
  'sarcasm',
  'threat',
  'figure_of_speech',
  'quote',
  'caps',
  'condition',
] as const;
type Signal = (typeof SIGNALS)[number];
const SIGNAL_BIT = new Map<string, number>(SIGNALS.map((s, i) => [s, 1 << i]));
const pairFeatures: number[] = [];
/** The interaction feature of signals `a` and `b` (indexes), hashed when first needed: not at load. */
function pairFeature(a: number, b: number): number {
  const k = a * SIGNALS.length + b;
  let h = pairFeatures[k];
  if (h === undefined) {
    h = namedFeature(`pair:${SIGNALS[a]}*${SIGNALS[b]}`);
    pairFeatures[k] = h;
  }
  return h;
}

function signalOf(kind: CueKind): Signal | null {
  if (kind.startsWith('complaint_') || kind === 'leaving' || kind === 'legal_action') return 'complaint';
  if (
    kind === 'threat' ||
    kind === 'threat_location' ||
    kind === 'incitement' ||
    kind === 'veiled_threat' ||
    kind === 'weapon'
  )
    return 'threat';
  if (kind === 'inquiry') return 'question';
  if (kind === 'profanity' || kind === 'hate') return 'insult';
  return SIGNAL_BIT.has(kind) ? (kind as Signal) : null;
}

const frameBuf: FrameHit[] = [];
const hitBuf: Hit[] = [];

/**
 * Normalises, tokenises and featurises `text` into the shared buffers. Never throws for a string.
 */
export function analyze(text: string): Analysis {
  const raw = typeof text === 'string' ? text : String(text ?? '');
  const f = fold(raw);
  const n = tokenize(f.text);
  let nGram = 0;
  let nStructured = 0;
  let fr = 0;
  let en = 0;
  let firstPerson = 0;
  let prevWord = 0;
  const classes = classesOfWords();
  for (let i = 0; i < n; i++) {
    const tok = tokens[i] as string;
    const cls = classes.get(tok) ?? 0;
    tokenClasses[i] = cls;
    if (cls & IS_FR) fr++;
    if (cls & IS_EN) en++;
    if (cls & IS_FIRST_PERSON) firstPerson++;
    tokenGrams[i] = nGram;
    const wh = hashStr(tok, SEED_WORD);
    if (nGram < FEAT_CAP) gramFeatures[nGram++] = fmix(wh);
    if (i > 0 && nGram < FEAT_CAP)
      gramFeatures[nGram++] = fmix(Math.imul(prevWord, 0x9e3779b1) ^ wh ^ SEED_BIGRAM);
    prevWord = wh;
    // The token between two spaces: " word " has len + 2 characters, positions 0 … len + 1.
    const last = Math.min(tok.length, MAX_TOKEN_NGRAM_LEN) + 1;
    for (let p = 1; p < last; p++) spaced[p] = tok.charCodeAt(p - 1);
    spaced[last] = 32;
    for (let s = 0; s + CHAR_NGRAM - 1 <= last && nGram < FEAT_CAP; s++) {
      // FNV-1a over the CHAR_NGRAM (5) characters, unrolled.
      let h = Math.imul(FNV_OFFSET ^ SEED_CHAR ^ (spaced[s] as number), FNV_PRIME);
      h = Math.imul(h ^ (spaced[s + 1] as number), FNV_PRIME);
      h = Math.imul(h ^ (spaced[s + 2] as number), FNV_PRIME);
      h = Math.imul(h ^ (spaced[s + 3] as number), FNV_PRIME);
      h = Math.imul(h ^ (spaced[s + 4] as number), FNV_PRIME);
      gramFeatures[nGram++] = h ^ (h >>> 15);
    }
  }

  tokenGrams[n] = nGram;
  const push = (h: number) => {
    if (nStructured < STRUCT_CAP) structuredFeatures[nStructured++] = h;
  };
  let signals = 0;
  hitBuf.length = 0;
  if (n > 0) {
    const { matcher, kindFeatures, features } = phrases();
    // Mentions that open a comment ("@Brand bonjour, est-ce que…") are not its start for the phrases.
    let from = 0;
    while (from < n && f.text.charCodeAt((tokStart[from] as number) - 1) === 64) from++;
    if (from === n) from = 0;
    // One hit per phrase and comment, at its first match.
    findPhrases(matcher, from > 0 ? tokens.slice(from) : tokens, n - from, (phrase, at, upTo) => {
      const found = at + from;
      const end = upTo + from;
      let { kind } = matcher.phrases[phrase] as PhraseInfo;
      let kindFeature = kindFeatures[phrase] as number;
      let feature = features[phrase] as number;
      let start = found;
      const polar = kind === 'praise' || kind === 'dissatisfaction';
      const negation = polar ? negationBefore(tokens, found, end, f.text, tokStart, tokEnd) : -1;
      if (negation >= 0 && kind === 'dissatisfaction') {
        // "pas déçu", "not disappointed": no dissatisfaction.
        push(namedFeature('negated:dissatisfaction'));
        return;
      }
      if (negation >= 0) {
        // "pas satisfait", "not happy": dissatisfaction, quoted with its negation.
        kind = 'dissatisfaction';
        kindFeature = namedFeature('kind:dissatisfaction');
        feature = namedFeature('negated:praise');
        start = negation;
      }
      if (!hitBuf.some((h) => h.kind === kind)) {
        push(kindFeature);
        signals |= SIGNAL_BIT.get(signalOf(kind) ?? '') ?? 0;
      }
      push(feature);
      hitBuf.push({ kind, start, end, features: [kindFeature, feature] });
    });
    for (const frame of findFrames(tokens, tokenClasses, n, f.text, frameBuf)) {
      const feature = namedFeature(`frame:${frame.kind}`);
      if (!hitBuf.some((h) => h.kind === frame.kind && h.features[0] === feature)) push(feature);
      hitBuf.push({ kind: frame.kind, start: frame.start, end: frame.end, features: [feature] });
      signals |= SIGNAL_BIT.get('threat') as number;
    }
    if (hasCondition(tokenClasses, n)) signals |= SIGNAL_BIT.get('condition') as number;
  }
  const capsRatio = f.letters >= 8 ? f.upper / f.letters : 0;
  if (capsRatio > 0.6) {
    push(namedFeature('shape:caps'));
    signals |= SIGNAL_BIT.get('caps') as number;
  }
  if (f.exclaims >= 2) push(namedFeature('shape:exclaims'));
  if (f.questions >= 1) {
    push(namedFeature('shape:question'));
    signals |= SIGNAL_BIT.get('question') as number;
  }
  if (firstPerson > 0) {
    push(namedFeature('shape:first_person'));
    signals |= SIGNAL_BIT.get('first_person') as number;
  }
  if (f.original.length < 2000 && SCARE_QUOTE.test(f.original)) {
    push(namedFeature('shape:quote'));
    signals |= SIGNAL_BIT.get('quote') as number;
  }
  for (let a = 0; a < SIGNALS.length; a++) {
    if (!(signals & (1 << a))) continue;
    for (let b = a + 1; b < SIGNALS.length; b++) if (signals & (1 << b)) push(pairFeature(a, b));
  }

  let lang: 'fr' | 'en' | 'und' = 'und';
  const frScore = fr + (f.frenchChars > 0 ? 1.5 : 0);
  if (frScore > en && frScore >= 1) lang = 'fr';
  else if (en > frScore && en >= 1) lang = 'en';
  else if (en > 0 && en === frScore) lang = f.frenchChars > 0 ? 'fr' : 'en';

  return {
    nTokens: n,
    nGram,
    nStructured,
    hits: hitBuf,
    lang,
    capsRatio,
    exclaims: f.exclaims,
    truncated: f.truncated,
    fullLength: f.fullLength,
    original: f.original,
    map: f.map,
    starts: tokStart,
    ends: tokEnd,
  };
}

// ------------------------------------------------------------------ model

const LABEL_ORDER: readonly Label[] = ['troll', 'unhappy_customer', 'threat', 'neutral'];
const THREAT = 2;
const NEUTRAL = 3;

/**
 * What the CM's corrections taught this device: logit deltas per feature bucket (see adjustment.ts).
 * Bounded and small; absent until the CM corrects a label.
 */
export interface Adjustment {
  delta: ReadonlyMap<number, Float64Array>;
}

/** Adds the four class weights of the first `count` features of `features` into `sums`. */
function sumWeights(w: string, mask: number, features: Uint32Array, count: number, sums: Float64Array): void {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  for (let i = 0; i < count; i++) {
    const b = ((features[i] as number) & mask) << 2;
    s0 += weightAt(w, b);
    s1 += weightAt(w, b + 1);
    s2 += weightAt(w, b + 2);
    s3 += weightAt(w, b + 3);
  }
  sums[0] = s0;
  sums[1] = s1;
  sums[2] = s2;
  sums[3] = s3;
}

const gramSums = new Float64Array(4);
const structuredSums = new Float64Array(4);

/**
 * The n-grams are scaled by 1/√n so that a long comment does not outweigh a short one, but a comment of
 * fewer than MIN_GRAM_COUNT (about a dozen words) is scaled as if it had that many: otherwise each of its few
 * words weighs a lot, and a word that carried another corpus's label mix decides the label. Chosen by
 * leave-one-corpus-out and 5-fold CV (classifier README).
 */
const MIN_GRAM_COUNT = 60;

/** The weight of each n-gram feature of a comment that has `nGram` of them (training uses it too). */
export function gramScale(nGram: number): number {
  return nGram > 0 ? 1 / Math.sqrt(Math.max(nGram, MIN_GRAM_COUNT)) : 0;
}

/**
 * The value of each structured feature (a phrase, a frame, a shape, a pair of signals), beside the n-grams'
 * 1/√n. At 1 these few strong features took the larger part of each training step and decided alone: on
 * 2026-12-05, 0.2 read better both within the corpus and held out (5-fold CV: French accuracy 0.862 →
 * 0.875, threats read as neutral 93.7 → 86.7 of 2,315; leave-one-corpus-out 0.645 → 0.649; classifier
 * README). Training uses it too.
 */
export const STRUCTURED_WEIGHT = 0.2;

/** Label `c`'s logit from its summed weights: the n-grams' at `norm`, the structured features' at their value. */
export function logit(model: Model, c: number, gramSum: number, norm: number, structuredSum: number): number {
  return (
    (model.bias[c] as number) +
    (gramSum * norm + structuredSum * STRUCTURED_WEIGHT) * (model.scale[c] as number)
  );
}

/** Model logits (plus the CM's adjustment) for the features of the last analysis. */
function modelLogits(model: Model, a: Analysis, out: Float64Array, adjustment?: Adjustment): void {
  const { w, mask } = model;
  const norm = gramScale(a.nGram);
  sumWeights(w, mask, gramFeatures, a.nGram, gramSums);
  sumWeights(w, mask, structuredFeatures, a.nStructured, structuredSums);
  for (let c = 0; c < 4; c++)
    out[c] = logit(model, c, gramSums[c] as number, norm, structuredSums[c] as number);
  const delta = adjustment?.delta;
  if (!delta || delta.size === 0) return;
  // The CM's adjustment moves word and character n-grams only (adjustment.ts says why).
  for (let i = 0; i < a.nGram; i++) {
    const d = delta.get((gramFeatures[i] as number) & mask);
    if (d) for (let c = 0; c < 4; c++) out[c] = (out[c] as number) + (d[c] as number) * norm;
  }
}

/** The masked buckets of the last analysis, as the CM's corrections store them for on-device learning. */
export function featureBuckets(model: Model, a: Analysis): { gram: number[]; structured: number[] } {
  const gram: number[] = [];
  const structured: number[] = [];
  for (let i = 0; i < a.nGram; i++) gram.push((gramFeatures[i] as number) & model.mask);
  for (let i = 0; i < a.nStructured; i++) structured.push((structuredFeatures[i] as number) & model.mask);
  return { gram, structured };
}

// ------------------------------------------------------------------ the safety rule

/**
 * The one hand-set decision: a comment with a threat's structure (a speaker, a violent verb and a target;
 * incitement; knowing where someone lives; threat wording) is labelled a threat — an uncertain one when
 * the model said otherwise — since a missed threat costs a CM far more than a second look, and a rude
 * customer who threatens must be escalated, not only answered. `npm run eval` prints its precision and
 * recall on every file; the model decides everything else.
 */
const SAFETY_KINDS: ReadonlySet<CueKind> = new Set(['threat', 'incitement', 'threat_location']);

export function safetyRuleFires(a: Analysis): boolean {
  return a.hits.some((h) => SAFETY_KINDS.has(h.kind));
}

// ------------------------------------------------------------------ cues

const MAX_CUES = 4;
const MAX_QUOTE = 40;

function cleanQuote(original: string, from: number, to: number): string {
  let s = '';
  let prevMark = false;
  for (let k = from; k < to && k < original.length; k++) {
    const ch = original.charCodeAt(k);
    if (isInvisible(ch)) continue;
    const mark = isCombiningMark(ch);
    // Zalgo stacks: a combining mark after another one (a single accent is kept).
    if (mark && prevMark) continue;
    prevMark = mark;
    s += ch < 32 ? ' ' : original.charAt(k);
  }
  s = s.replace(/\s+/g, ' ').trim();
  if (s.length > MAX_QUOTE) s = `${s.slice(0, MAX_QUOTE - 1)}…`;
  return s;
}

/** The comment's own words behind a hit, as written. */
function quoteOf(a: Analysis, h: Hit): string {
  const fs = a.starts[h.start] as number;
  const fe = (a.ends[h.end - 1] as number) - 1;
  const os = a.map[fs] as number;
  let oe = (a.map[fe] as number) + 1;
  const c = a.original.charCodeAt(oe - 1);
  if (c >= 0xd800 && c <= 0xdbff) oe++;
  return cleanQuote(a.original, os, oe);
}

/** How much a feature pushes `label` above the mean of the four labels (learned weights, dequantised). */
function support(model: Model, feature: number, label: number): number {
  const b = (feature & model.mask) << 2;
  let mean = 0;
  for (let c = 0; c < 4; c++) mean += weightAt(model.w, b + c) * (model.scale[c] as number);
  return weightAt(model.w, b + label) * (model.scale[label] as number) - mean / 4;
}

/** How much each token's n-grams pushed the label (shared buffer). */
const tokenPush = new Float64Array(MAX_TOKENS);
/** How far a label's own words (no phrase, no frame) may reach around the one that pushed it most. */
const WORDS_REACH = 2;

/**
 * When no phrase or frame stands behind a label, the words that did: the word whose n-grams (itself, its
 * pair with the word before, its character 5-grams) pushed the label most, with its neighbours on either
 * side that pushed it too. Null when no word pushed it.
 */
function decisiveWords(model: Model, a: Analysis, label: number): Hit | null {
  const n = Math.min(a.nTokens, MAX_TOKENS);
  const push = tokenPush.fill(0, 0, n);
  let top = -1;
  let topWord = -1;
  for (let i = 0; i < n; i++) {
    for (let f = tokenGrams[i] as number; f < (tokenGrams[i + 1] as number); f++)
      push[i] = (push[i] as number) + support(model, gramFeatures[f] as number, label);
    if ((push[i] as number) <= 0) continue;
    if (top < 0 || (push[i] as number) > (push[top] as number)) top = i;
    // A word that says something ("techniciens") before a stop word ("vos"), which tells the CM nothing.
    const stop = ((tokenClasses[i] as number) & (IS_FR | IS_EN)) !== 0;
    if (!stop && (topWord < 0 || (push[i] as number) > (push[topWord] as number))) topWord = i;
  }
  const at = topWord >= 0 ? topWord : top;
  if (at < 0) return null;
  let start = at;
  let end = at + 1;
  while (start > 0 && at - start < WORDS_REACH && (push[start - 1] as number) > 0 && sameClause(a, start - 1))
    start--;
  while (end < n && end - at <= WORDS_REACH && (push[end] as number) > 0 && sameClause(a, end - 1)) end++;
  return { kind: 'words', start, end, features: [] };
}

/** Whether tokens `i` and `i + 1` are in one clause: no punctuation between them in the comment. */
function sameClause(a: Analysis, i: number): boolean {
  return !breaksClause(
    a.original,
    a.map[a.ends[i] as number] as number,
    a.map[a.starts[i + 1] as number] as number,
  );
}

/**
 * The phrases and frames that pushed the chosen label most (by their learned weights), a threat frame
 * first when the safety rule decided; then shapes; then whether the CM's corrections changed the label.
 */
function buildCues(model: Model, a: Analysis, label: number, safety: boolean, byCorrections: boolean): Cue[] {
  const ranked: { hit: Hit; weight: number }[] = [];
  for (const hit of a.hits) {
    const weight =
      safety && SAFETY_KINDS.has(hit.kind)
        ? Number.POSITIVE_INFINITY
        : hit.features.reduce((sum, f) => sum + support(model, f, label), 0);
    if (weight > 0 && !ranked.some((r) => r.hit.kind === hit.kind)) ranked.push({ hit, weight });
  }
  ranked.sort((x, y) => y.weight - x.weight);
  const cues: Cue[] = ranked
    .slice(0, MAX_CUES)
    .map(({ hit }) => ({ kind: hit.kind, quote: quoteOf(a, hit) }));
  if (cues.length === 0 && label !== NEUTRAL) {
    const words = decisiveWords(model, a, label);
    if (words) cues.push({ kind: 'words', quote: quoteOf(a, words) });
  }
  if (label !== NEUTRAL) {
    if (a.capsRatio > 0.6) cues.push({ kind: 'shouting' });
    if (a.exclaims >= 3) cues.push({ kind: 'exclamations', count: a.exclaims });
  }
  if (byCorrections) cues.push({ kind: 'your_corrections' });
  if (a.truncated) cues.push({ kind: 'partly_read', count: a.fullLength });
  return cues;
}

// ------------------------------------------------------------------ classification

const z = new Float64Array(4);
const base = new Float64Array(4);

function round4(x: number): number {
  return Math.round(x * 10000) / 10000;
}

function argmax(v: Float64Array): number {
  let best = 0;
  for (let c = 1; c < 4; c++) if ((v[c] as number) > (v[best] as number)) best = c;
  return best;
}

/** Options of one classification: the CM's learned adjustment, and whether the safety rule applies. */
export interface ClassifyOptions {
  adjustment?: Adjustment;
  /** Off only in the evaluation's ablations. */
  safetyRule?: boolean;
  /** Only in the evaluation's ablations: the structured features (hashes) the model was trained without. */
  dropStructured?: (feature: number) => boolean;
}

/** Drops structured features in place, the others kept in order; returns how many are left. */
function withoutStructured(n: number, drop: (feature: number) => boolean): number {
  let kept = 0;
  for (let i = 0; i < n; i++) {
    const feature = structuredFeatures[i] as number;
    if (!drop(feature)) structuredFeatures[kept++] = feature;
  }
  return kept;
}

/** Classifies `text` with `model`; never throws for any string input. */
export function classifyWith(model: Model, text: string, options: ClassifyOptions = {}): Classification {
  const a = analyze(text);
  if (a.nTokens === 0) {
    const cues: Cue[] = [{ kind: a.fullLength === 0 || !a.original.trim() ? 'empty' : 'no_words' }];
    if (a.truncated) cues.push({ kind: 'partly_read', count: a.fullLength });
    return {
      label: 'neutral',
      scores: { troll: 0, unhappy_customer: 0, threat: 0, neutral: 1 },
      intensity: 0,
      lang: 'und',
      uncertain: false,
      cues,
      version: model.version,
    };
  }
  // A dropped feature's bucket holds the weights of the n-grams that share it, not nothing.
  if (options.dropStructured) a.nStructured = withoutStructured(a.nStructured, options.dropStructured);
  modelLogits(model, a, z, options.adjustment);
  let best = argmax(z);
  let byCorrections = false;
  if (options.adjustment && options.adjustment.delta.size > 0) {
    modelLogits(model, a, base);
    byCorrections = argmax(base) !== best;
  }
  const safety = options.safetyRule !== false && best !== THREAT && safetyRuleFires(a);
  // The rule lifts the threat to the top, just above the model's label: the scores say how unsure it is.
  if (safety) z[THREAT] = (z[best] as number) + 1e-6;
  const mx = Math.max(z[0] as number, z[1] as number, z[2] as number, z[3] as number);
  let sum = 0;
  for (let c = 0; c < 4; c++) {
    z[c] = Math.exp((z[c] as number) - mx);
    sum += z[c] as number;
  }
  for (let c = 0; c < 4; c++) z[c] = (z[c] as number) / sum;
  const top = z[best] as number;
  let second = 0;
  for (let c = 0; c < 4; c++) if (c !== best && (z[c] as number) > second) second = z[c] as number;
  let uncertain = top - second < 0.2 || top < 0.5;
  if (safety) {
    best = THREAT;
    uncertain = true;
  }
  const label = LABEL_ORDER[best] as Label;
  const hostile = 1 - (z[NEUTRAL] as number);
  const insults = a.hits.filter(
    (h) => h.kind === 'insult' || h.kind === 'hate' || h.kind === 'profanity',
  ).length;
  const threatening = a.hits.some((h) => SAFETY_KINDS.has(h.kind)) ? 1 : 0;
  let intensity =
    0.4 * hostile +
    0.15 * Math.min(insults, 2) +
    0.3 * threatening +
    0.15 * (a.capsRatio > 0.6 ? 1 : a.capsRatio > 0.3 ? 0.5 : 0) +
    0.1 * Math.min(a.exclaims / 3, 1);
  if (label === 'neutral') intensity *= 0.5;
  if (intensity > 1) intensity = 1;
  // Four decimals that sum to 1 with the label on top: the others rounded down, the label takes the rest.
  const floor4 = (x: number) => Math.floor(x * 10000) / 10000;
  const scores = {} as Record<Label, number>;
  let others = 0;
  LABEL_ORDER.forEach((l, c) => {
    if (c === best) return;
    scores[l] = floor4(z[c] as number);
    others += scores[l];
  });
  scores[label] = round4(1 - others);
  return {
    label,
    scores,
    intensity: round4(intensity),
    lang: a.lang,
    uncertain,
    cues: buildCues(model, a, best, safety, byCorrections),
    version: model.version,
  };
}
