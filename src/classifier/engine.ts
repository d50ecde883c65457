/**
 * The classifier engine: feature extraction (shared by training and inference), the linear model,
 * and the lexicon rules layered on top of it.
 */
import type { Classification, Label } from '../shared/comment';
import { buildMatcher, getMatcher, type Hit, type Matcher, matchAll, matchThreatCombos } from './lexicon';
import type { LexKind } from './lexicon-data';
import { EN_WORDS, FR_WORDS } from './lexicon-data';
import type { Model } from './model-codec';
import { fold, MAX_CHARS, tokEnd, tokenize, tokens, tokStart } from './text';

export interface ClassifyContext {
  /** The CM's brand and product names: mentions of them make complaints easier to spot. */
  brandNames?: readonly string[];
  /** Extra domain terms from the settings. */
  extraTerms?: readonly string[];
}

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
const SEED_META = 0x48d159e;

/** Feature buffer (hashes before masking), shared; valid up to `nFeat`. */
export const FEAT_CAP = 60000;
export const feats = new Uint32Array(FEAT_CAP);

const META: Record<string, number> = {};
function metaHash(name: string): number {
  let h = META[name];
  if (h === undefined) {
    h = fmix(hashStr(name, SEED_META));
    META[name] = h;
  }
  return h;
}

// ------------------------------------------------------------------ analysis

export type Evidence = Record<LexKind | 'brand' | 'extra', number>;

export interface Analysis {
  nFeat: number;
  nTokens: number;
  ev: Evidence;
  hits: Hit[];
  lang: 'fr' | 'en' | 'und';
  capsRatio: number;
  exclaims: number;
  questions: number;
  truncated: boolean;
  fullLength: number;
  original: string;
  /** Folded-text → original index map. Like `starts`, `ends` and `hits`: shared buffers, valid until the next call. */
  map: Int32Array;
  starts: Int32Array;
  ends: Int32Array;
}

const sq: string[] = [];
const brk = new Uint8Array(2000);
const hitBuf: Hit[] = [];
/** Stop-word → 1 (French), 2 (English), 3 (both). */
let langWords: Map<string, number> | null = null;

const MAX_TOKEN_NGRAM_LEN = 24;
/** Character n-grams of length 3 to CHAR_NGRAM_MAX. */
const CHAR_NGRAM_MAX = 4;

const NEGATORS = new Set([
  'ne',
  'n',
  'pas',
  'not',
  'dont',
  'don',
  'never',
  'jamais',
  'no',
  'isn',
  'wasn',
  'aren',
  'nt',
]);
function isNegated(start: number): boolean {
  for (let j = start - 1; j >= 0 && j >= start - 2; j--) if (NEGATORS.has(sq[j] as string)) return true;
  return false;
}

interface CtxMatchers {
  key: string;
  m: Matcher;
}
let ctxCache: CtxMatchers | null = null;

function contextMatcher(ctx: ClassifyContext | undefined): Matcher | null {
  if (!ctx) return null;
  const brands = (ctx.brandNames ?? []).filter((b) => typeof b === 'string' && b.trim().length >= 2);
  const extra = (ctx.extraTerms ?? []).filter((b) => typeof b === 'string' && b.trim().length >= 2);
  if (brands.length === 0 && extra.length === 0) return null;
  const key = `${brands.join('\u0001')}\u0002${extra.join('\u0001')}`;
  if (ctxCache && ctxCache.key === key) return ctxCache.m;
  // Brand names match as word prefixes ("Acme" also matches "@AcmeSupport" → "acmesupport").
  const clean = (s: string) => s.replace(/[*~#=]/g, ' ').trim();
  const m = buildMatcher([
    { kind: 'domain', label: 'brand mention', phrases: brands.slice(0, 50).map((b) => `${clean(b)}*`) },
    { kind: 'domain', label: 'domain term', phrases: extra.slice(0, 200).map((b) => `${clean(b)}*`) },
  ]);
  ctxCache = { key, m };
  return m;
}

function emptyEvidence(): Evidence {
  return {
    threat: 0,
    slur: 0,
    insult: 0,
    profanity: 0,
    complaint: 0,
    domain: 0,
    negative: 0,
    irony: 0,
    positive: 0,
    brand: 0,
    extra: 0,
  };
}

/**
 * Normalises, tokenises and featurises `text`. Feature hashes land in the shared `feats` buffer.
 * `withLexFeatures` adds one feature per lexicon kind hit (the model learns how much to trust each).
 */
export function analyze(text: string, ctx?: ClassifyContext): Analysis {
  const raw = typeof text === 'string' ? text : String(text ?? '');
  const ctxM = contextMatcher(ctx);
  const lex = getMatcher();
  const f = fold(raw);
  const map = f.map;
  const n = tokenize(f.text);
  const starts = tokStart;
  const ends = tokEnd;
  if (!langWords) {
    langWords = new Map();
    for (const w of FR_WORDS) langWords.set(w, 1);
    for (const w of EN_WORDS) langWords.set(w, (langWords.get(w) ?? 0) | 2);
  }
  const lw = langWords;

  let nf = 0;
  let fr = 0;
  let en = 0;
  let prevWord = 0;
  for (let i = 0; i < n; i++) {
    const tok = tokens[i] as string;
    sq[i] = tok;
    let b = 0;
    if (i > 0) {
      for (let k = tokEnd[i - 1] as number; k < (tokStart[i] as number); k++) {
        const c = f.text.charCodeAt(k);
        if (c === 46 || c === 33 || c === 63 || c === 59) b = 1;
      }
    }
    brk[i] = b;
    const l = lw.get(tok);
    if (l !== undefined) {
      if (l & 1) fr++;
      if (l & 2) en++;
    }
    const wh = hashStr(tok, SEED_WORD);
    if (nf < FEAT_CAP) feats[nf++] = fmix(wh);
    if (i > 0 && nf < FEAT_CAP) feats[nf++] = fmix(Math.imul(prevWord, 0x9e3779b1) ^ wh ^ SEED_BIGRAM);
    prevWord = wh;
    // Character 3- to 5-grams of " token ".
    const len = Math.min(tok.length, MAX_TOKEN_NGRAM_LEN);
    const last = len + 1;
    for (let s = 0; s <= last - 2; s++) {
      let h = FNV_OFFSET ^ SEED_CHAR;
      for (let k = 0; k < CHAR_NGRAM_MAX; k++) {
        const p = s + k;
        if (p > last) break;
        const c = p === 0 || p === last ? 32 : tok.charCodeAt(p - 1);
        h = Math.imul(h ^ c, FNV_PRIME);
        if (k >= 2 && nf < FEAT_CAP) feats[nf++] = h ^ (h >>> 15);
      }
    }
  }

  hitBuf.length = 0;
  matchAll(lex, sq, n, hitBuf);
  matchThreatCombos(sq, n, hitBuf, brk);
  if (ctxM) matchAll(ctxM, sq, n, hitBuf);
  const ev = emptyEvidence();
  let kept = 0;
  for (let hi = 0; hi < hitBuf.length; hi++) {
    const h = hitBuf[hi] as Hit;
    const e = h.entry;
    // "je ne recommande pas", "not great": negated praise is not praise.
    if (e.kind === 'positive' && isNegated(h.start)) continue;
    hitBuf[kept++] = h;
    let dup = false;
    for (let k = 0; k < kept - 1; k++) if ((hitBuf[k] as Hit).entry === e) dup = true;
    if (dup) continue;
    if (e.label === 'brand mention') ev.brand += 1;
    else if (e.label === 'domain term') ev.extra += 1;
    else ev[e.kind] += e.weight;
    if (e.label !== 'brand mention' && e.label !== 'domain term' && nf < FEAT_CAP) {
      feats[nf++] = metaHash(`lex:${e.kind}`);
    }
  }
  hitBuf.length = kept;
  const capsRatio = f.letters >= 8 ? f.upper / f.letters : 0;
  if (capsRatio > 0.6 && nf < FEAT_CAP) feats[nf++] = metaHash('shape:caps');
  if (f.exclaims >= 2 && nf < FEAT_CAP) feats[nf++] = metaHash('shape:excl');
  if (f.questions >= 1 && nf < FEAT_CAP) feats[nf++] = metaHash('shape:question');

  let lang: 'fr' | 'en' | 'und' = 'und';
  const frScore = fr + (f.frenchChars > 0 ? 1.5 : 0);
  if (frScore > en && frScore >= 1) lang = 'fr';
  else if (en > frScore && en >= 1) lang = 'en';
  else if (en > 0 && en === frScore) lang = f.frenchChars > 0 ? 'fr' : 'en';

  return {
    nFeat: nf,
    nTokens: n,
    ev,
    hits: hitBuf,
    lang,
    capsRatio,
    exclaims: f.exclaims,
    questions: f.questions,
    truncated: f.truncated,
    fullLength: f.fullLength,
    original: f.original,
    map,
    starts,
    ends,
  };
}

// ------------------------------------------------------------------ scoring

const LABEL_ORDER: readonly Label[] = ['troll', 'unhappy_customer', 'threat', 'neutral'];
const TROLL = 0;
const UNHAPPY = 1;
const THREAT = 2;
const NEUTRAL = 3;

/** Model logits for the current feature buffer. */
export function modelLogits(model: Model, nFeat: number, out: Float64Array): void {
  let a0 = 0;
  let a1 = 0;
  let a2 = 0;
  let a3 = 0;
  const w = model.w;
  const mask = model.mask;
  for (let i = 0; i < nFeat; i++) {
    const b = ((feats[i] as number) & mask) << 2;
    a0 += w[b] as number;
    a1 += w[b + 1] as number;
    a2 += w[b + 2] as number;
    a3 += w[b + 3] as number;
  }
  const norm = nFeat > 0 ? 1 / Math.sqrt(nFeat) : 0;
  out[0] = (model.bias[0] as number) + a0 * (model.scale[0] as number) * norm;
  out[1] = (model.bias[1] as number) + a1 * (model.scale[1] as number) * norm;
  out[2] = (model.bias[2] as number) + a2 * (model.scale[2] as number) * norm;
  out[3] = (model.bias[3] as number) + a3 * (model.scale[3] as number) * norm;
}

const min = (a: number, b: number) => Math.min(a, b);

/**
 * Per-label logit offsets applied after the model, tuned on held-out brand-directed data (never trained
 * on): the training corpora have very few short complaints addressed to a brand.
 */
export const LABEL_OFFSETS = { troll: 0, unhappy_customer: 0.5, threat: 0, neutral: 0 };

/** Adds the lexicon rules to the model logits (in place). Exported for evaluation. */
export function applyRules(z: Float64Array, ev: Evidence, questions = 0): void {
  z[TROLL] = (z[TROLL] as number) + LABEL_OFFSETS.troll;
  z[UNHAPPY] = (z[UNHAPPY] as number) + LABEL_OFFSETS.unhappy_customer;
  z[THREAT] = (z[THREAT] as number) + LABEL_OFFSETS.threat;
  z[NEUTRAL] = (z[NEUTRAL] as number) + LABEL_OFFSETS.neutral;
  const complaintAll = ev.complaint + 0.5 * ev.negative;
  const calm = ev.negative === 0 && ev.profanity === 0 && ev.insult === 0;
  z[THREAT] = (z[THREAT] as number) + 2.5 * min(ev.threat, 2);
  z[TROLL] =
    (z[TROLL] as number) +
    1.0 * min(ev.insult, 3) +
    1.5 * min(ev.slur, 2) +
    0.3 * min(ev.profanity, 2) +
    (ev.complaint > 0 || ev.domain >= 1 ? 0.2 : 0.7) * min(ev.irony, 2);
  // Customer vocabulary alone is weak evidence, weaker still in a calm question ("can I rebook?").
  const domain = min(ev.domain + ev.extra, 3) * (questions > 0 && calm && ev.complaint < 1 ? 0.15 : 0.3);
  let unhappy = 1.1 * min(ev.complaint, 3) + domain;
  if (ev.negative > 0) unhappy += (ev.domain + ev.brand + ev.extra > 0 ? 0.7 : 0.35) * min(ev.negative, 2);
  if (ev.domain >= 1 && ev.profanity + ev.insult > 0) unhappy += 0.6; // "service client de merde"
  if (ev.brand > 0) unhappy += 0.3 + (complaintAll + ev.profanity + ev.domain > 0 ? 0.6 : 0);
  if (ev.extra > 0 && complaintAll > 0) unhappy += 0.4;
  if (ev.irony > 0 && ev.domain >= 1) unhappy += 0.3; // "génial, encore une hausse de prix 🙄"
  const praise = ev.positive > 0 && ev.irony === 0 && calm && ev.complaint < 0.5;
  if (praise) unhappy -= 0.5 * min(ev.positive, 2);
  z[UNHAPPY] = (z[UNHAPPY] as number) + unhappy;
  if (praise && ev.complaint < 0.5) z[NEUTRAL] = (z[NEUTRAL] as number) + 0.6 * min(ev.positive, 2);
  // A customer with a real problem stays a customer, even when rude.
  const strongComplaint =
    ev.complaint >= 1 ||
    (ev.complaint >= 0.5 && ev.domain + ev.brand + ev.negative > 0) ||
    (ev.negative >= 1 && ev.domain + ev.brand + ev.extra >= 1);
  if (strongComplaint && ev.slur < 1 && ev.threat < 1) {
    z[UNHAPPY] = Math.max(z[UNHAPPY] as number, (z[TROLL] as number) + 0.6, (z[NEUTRAL] as number) + 0.2);
  }
  // Safety: a threat pattern always wins.
  if (ev.threat >= 1) {
    const other = Math.max(z[TROLL] as number, z[UNHAPPY] as number, z[NEUTRAL] as number);
    z[THREAT] = Math.max(z[THREAT] as number, other + 1.5);
  }
}

const KIND_ORDER: readonly string[] = [
  'threat',
  'slur',
  'insult',
  'complaint',
  'brand',
  'negative',
  'irony',
  'profanity',
  'extra',
  'domain',
  'positive',
];
const MAX_CUES = 6;

function snippet(a: Analysis, h: Hit): string {
  const fs = a.starts[h.start] as number;
  const fe = (a.ends[h.end - 1] as number) - 1;
  const os = a.map[fs] as number;
  let oe = (a.map[fe] as number) + 1;
  const c = a.original.charCodeAt(oe - 1);
  if (c >= 0xd800 && c <= 0xdbff) oe++;
  let s = '';
  let prevMark = false;
  for (let k = os; k < oe && k < a.original.length; k++) {
    const ch = a.original.charCodeAt(k);
    if ((ch >= 0x200b && ch <= 0x200f) || (ch >= 0x202a && ch <= 0x202e) || (ch >= 0x2060 && ch <= 0x206f))
      continue;
    const mark = ch >= 0x300 && ch <= 0x36f;
    // BOM, and zalgo stacks (a combining mark after another one; a single accent is kept).
    if (ch === 0xfeff || (mark && prevMark)) continue;
    prevMark = mark;
    s += ch < 32 ? ' ' : a.original.charAt(k);
  }
  s = s.replace(/\s+/g, ' ').trim();
  if (s.length > 40) s = `${s.slice(0, 39)}…`;
  return s;
}

function buildCues(a: Analysis, label: Label): string[] {
  const cues: string[] = [];
  const seen = new Set<string>();
  const ranked = a.hits
    .map((h) => {
      const kind =
        h.entry.label === 'brand mention'
          ? 'brand'
          : h.entry.label === 'domain term'
            ? 'extra'
            : h.entry.kind;
      return { h, kind, rank: KIND_ORDER.indexOf(kind) };
    })
    .filter((x) => {
      // Generic customer vocabulary only explains complaints; praise only explains neutral comments.
      if (x.kind === 'domain') return label === 'unhappy_customer';
      if (x.kind === 'positive') return label === 'neutral';
      return true;
    })
    .sort((x, y) => x.rank - y.rank || x.h.start - y.h.start || y.h.end - x.h.end);
  let lastEnd = -1;
  let lastKind = '';
  for (const { h, kind } of ranked) {
    if (cues.length >= MAX_CUES) break;
    if (kind === lastKind && h.start < lastEnd) continue; // nested/overlapping match of the same kind
    const text = snippet(a, h);
    if (!text) continue;
    const cue = `${h.entry.label}: '${text}'`;
    lastEnd = h.end;
    lastKind = kind;
    const key = cue.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    cues.push(cue);
  }
  if (a.capsRatio > 0.6) cues.push('shouting: mostly capital letters');
  if (a.exclaims >= 3) cues.push(`exclamation marks: ${a.exclaims}`);
  if (a.truncated)
    cues.push(`truncated: only the first ${MAX_CHARS} of ${a.fullLength} characters were read`);
  return cues;
}

const z = new Float64Array(4);

function round4(x: number): number {
  return Math.round(x * 10000) / 10000;
}

/** Classifies `text` with `model`; never throws for any string input. */
export function classifyWith(model: Model, text: string, ctx?: ClassifyContext): Classification {
  const a = analyze(text, ctx);
  if (a.nTokens === 0) {
    const cues = a.truncated ? [`truncated: only the first ${MAX_CHARS} characters were read`] : [];
    cues.unshift(a.fullLength === 0 || !a.original.trim() ? 'empty text' : 'no words to read');
    return {
      label: 'neutral',
      scores: { troll: 0.02, unhappy_customer: 0.02, threat: 0.01, neutral: 0.95 },
      intensity: 0,
      lang: 'und',
      uncertain: false,
      cues,
    };
  }
  modelLogits(model, a.nFeat, z);
  applyRules(z, a.ev, a.questions);
  const mx = Math.max(z[0] as number, z[1] as number, z[2] as number, z[3] as number);
  let sum = 0;
  for (let c = 0; c < 4; c++) {
    const e = Math.exp((z[c] as number) - mx);
    z[c] = e;
    sum += e;
  }
  let best = 0;
  for (let c = 0; c < 4; c++) {
    z[c] = (z[c] as number) / sum;
    if ((z[c] as number) > (z[best] as number)) best = c;
  }
  let second = 0;
  for (let c = 0; c < 4; c++) if (c !== best && (z[c] as number) > second) second = z[c] as number;
  const top = z[best] as number;
  const label = LABEL_ORDER[best] as Label;

  const ev = a.ev;
  const hostile = 1 - (z[NEUTRAL] as number);
  let intensity =
    0.3 * hostile +
    0.18 * min(ev.insult + ev.slur, 2) +
    0.06 * min(ev.profanity, 2) +
    0.3 * min(ev.threat, 1) +
    0.15 * (a.capsRatio > 0.6 ? 1 : a.capsRatio > 0.3 ? 0.5 : 0) +
    0.1 * min(a.exclaims / 3, 1);
  if (label === 'threat') intensity = Math.max(intensity, 0.75);
  if (intensity > 1) intensity = 1;

  const scores: Record<Label, number> = {
    troll: round4(z[TROLL] as number),
    unhappy_customer: round4(z[UNHAPPY] as number),
    threat: round4(z[THREAT] as number),
    neutral: round4(z[NEUTRAL] as number),
  };
  // Rounding residue goes to the top label so that the scores sum to 1.
  scores[label] = round4(
    scores[label] + 1 - (scores.troll + scores.unhappy_customer + scores.threat + scores.neutral),
  );
  return {
    label,
    scores,
    intensity: round4(intensity),
    lang: a.lang,
    uncertain: top - second < 0.2 || top < 0.5,
    cues: buildCues(a, label),
  };
}
