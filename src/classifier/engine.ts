/**
 * The classifier engine: feature extraction (shared by training and inference), the linear model,
 * and the lexicon rules layered on top of it.
 */
import type { Classification, Label } from '../shared/comment';
import {
  buildMatcher,
  type CompiledLexicon,
  decodeMatcher,
  type Hit,
  type Matcher,
  matchAll,
  matchThreatCombos,
} from './lexicon';
import type { LexKind } from './lexicon-data';
import { EN_WORDS, FR_WORDS } from './lexicon-data';
import lexiconFile from './model/lexicon.json';
import type { Model } from './model-codec';
import {
  fold,
  isCombiningMark,
  isInvisible,
  MAX_CHARS,
  MAX_TOKENS,
  sigFilter,
  tokEnd,
  tokenize,
  tokens,
  tokStart,
  wordSig,
} from './text';

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

export type Evidence = Record<LexKind | 'brand' | 'extra' | 'quotes', number>;

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
  /** Words about the speaker ("je", "mon", "my"...): a customer talks about their own order. */
  firstPerson: number;
  /** A word or two in quotes ("another 'innovation'", « service » client): a sarcasm hint. */
  scareQuote: string;
  original: string;
  /** Folded-text → original index map. Like `starts`, `ends` and `hits`: shared buffers, valid until the next call. */
  map: Int32Array;
  starts: Int32Array;
  ends: Int32Array;
}

const sq: string[] = [];
const brk = new Uint8Array(MAX_TOKENS + 1);
const hitBuf: Hit[] = [];
/** Number of the current analysis (marks the lexicon entries already counted). */
let analysisId = 0;
/** Stop-word → bit 1 (French), bit 2 (English), bit 4 (first person: "je", "mon", "my"…). */
let langWords: Map<string, number> | null = null;
let langSig: Uint8Array = new Uint8Array(4096);

const FIRST_PERSON = new Set(['je', 'j', 'me', 'm', 'moi', 'mon', 'ma', 'mes', 'i', 'my', 'mine', 'myself']);

/** A word or two between quotes, after a space or at the start ("another 'innovation'", « service »). */
const SCARE_QUOTE =
  /(?:^|[\s(])["“«‘'] ?([^\s"“”«»‘’'.,!?]{3,30}(?: [^\s"“”«»‘’'.,!?]{2,30})?) ?["”»’'](?=$|[\s.,!?;:)…])/u;

/** An opening quote: a double quote anywhere, or a single one at the start of a word (not "don't"). */
const OPENING_QUOTE = /["“«‘]|(?:^|[\s(])'/;

/** Feature hash of each lexicon kind (one feature per kind hit; the model learns how much to trust it). */
const KIND_FEATURE = new Map<string, number>();

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

let lexicon: Matcher | null = null;

/** The shipped lexicons (LEXICON, compiled ahead of time into model/lexicon.json), decoded on first use. */
function getMatcher(): Matcher {
  if (!lexicon) lexicon = decodeMatcher(lexiconFile as CompiledLexicon);
  return lexicon;
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
    violence: 0,
    benign: 0,
    inquiry: 0,
    quotes: 0,
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

function kindFeature(kind: string): number {
  let h = KIND_FEATURE.get(kind);
  if (h === undefined) {
    h = metaHash(`lex:${kind}`);
    KIND_FEATURE.set(kind, h);
  }
  return h;
}

const MAX_SPANS = 256;
const benignSpans = new Int32Array(MAX_SPANS * 2);
const threatSpans = new Int32Array(MAX_SPANS * 2);

/** Whether token range [start, end) overlaps one of the first `n` spans. */
function overlapsSpan(spans: Int32Array, n: number, start: number, end: number): boolean {
  for (let k = 0; k < n; k++)
    if ((spans[2 * k] as number) < end && start < (spans[2 * k + 1] as number)) return true;
  return false;
}

/** Whether token range [start, end) lies inside one of the first `n` spans. */
function insideSpan(spans: Int32Array, n: number, start: number, end: number): boolean {
  for (let k = 0; k < n; k++)
    if ((spans[2 * k] as number) <= start && end <= (spans[2 * k + 1] as number)) return true;
  return false;
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
    for (const w of FIRST_PERSON) langWords.set(w, (langWords.get(w) ?? 0) | 4);
    langSig = sigFilter(langWords.keys());
  }
  const lw = langWords;

  let nf = 0;
  let firstPerson = 0;
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
    const l = langSig[wordSig(tok)] === 1 ? lw.get(tok) : undefined;
    if (l !== undefined) {
      if (l & 1) fr++;
      if (l & 2) en++;
      if (l & 4) firstPerson++;
    }
    const wh = hashStr(tok, SEED_WORD);
    if (nf < FEAT_CAP) feats[nf++] = fmix(wh);
    if (i > 0 && nf < FEAT_CAP) feats[nf++] = fmix(Math.imul(prevWord, 0x9e3779b1) ^ wh ^ SEED_BIGRAM);
    prevWord = wh;
    // Character 3- to CHAR_NGRAM_MAX-grams of " token ".
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
  analysisId = analysisId >= 0x3fffffff ? 1 : analysisId + 1;
  const nh = hitBuf.length;
  // Figures of speech ("ça me tue", "killing it", "prix cassés") cancel every hit they overlap; a product
  // word inside a threat ("je lui casse la gueule") is part of the threat, not a broken product.
  let nBenign = 0;
  let nThreat = 0;
  for (let hi = 0; hi < nh; hi++) {
    const h = hitBuf[hi] as Hit;
    const k = h.entry.kind;
    if (k === 'benign' && nBenign < MAX_SPANS) {
      benignSpans[2 * nBenign] = h.start;
      benignSpans[2 * nBenign++ + 1] = h.end;
    } else if ((k === 'threat' || k === 'violence') && nThreat < MAX_SPANS) {
      threatSpans[2 * nThreat] = h.start;
      threatSpans[2 * nThreat++ + 1] = h.end;
    }
  }
  let kept = 0;
  for (let hi = 0; hi < nh; hi++) {
    const h = hitBuf[hi] as Hit;
    const e = h.entry;
    if (e.kind === 'benign') {
      ev.benign += e.weight;
      continue;
    }
    // "je ne recommande pas", "not great": negated praise is not praise.
    if (e.kind === 'positive' && isNegated(h.start)) continue;
    if (nBenign > 0 && overlapsSpan(benignSpans, nBenign, h.start, h.end)) continue;
    if (
      nThreat > 0 &&
      (e.kind === 'complaint' || e.kind === 'domain') &&
      insideSpan(threatSpans, nThreat, h.start, h.end)
    )
      continue;
    // One hit per entry: the first occurrence is the one quoted, and evidence counts each entry once.
    if (e.seen === analysisId) continue;
    e.seen = analysisId;
    hitBuf[kept++] = h;
    if (e.label === 'brand mention') ev.brand += 1;
    else if (e.label === 'domain term') ev.extra += 1;
    else ev[e.kind] += e.weight;
    if (e.label !== 'brand mention' && e.label !== 'domain term' && nf < FEAT_CAP) {
      let fh = e.feat;
      if (fh === undefined) {
        fh = kindFeature(e.kind);
        e.feat = fh;
      }
      feats[nf++] = fh;
    }
  }
  hitBuf.length = kept;
  if (ev.benign > 0 && nf < FEAT_CAP) feats[nf++] = kindFeature('benign');
  let scareQuote = '';
  const orig = f.original;
  if (orig.length < 2000 && OPENING_QUOTE.test(orig)) {
    const m = SCARE_QUOTE.exec(orig);
    if (m?.[1]) {
      scareQuote = m[1];
      ev.quotes = 1;
      if (nf < FEAT_CAP) feats[nf++] = kindFeature('quotes');
    }
  }
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
    firstPerson,
    scareQuote,
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
 * Per-label logit offsets applied after the model. The `unhappy_customer` offset was tuned by hand on
 * `airline_sentiment_en` (brand-directed tweets, never trained on but therefore not a blind test either):
 * the licensed training corpora have very few short complaints addressed to a brand.
 */
export const LABEL_OFFSETS = { troll: 0, unhappy_customer: 0.5, threat: 0, neutral: 0 };

/** Threat evidence from which the label can no longer be `neutral` (at least an uncertain threat). */
export const THREAT_FLOOR = 0.5;
/** Threat evidence from which the label is `threat`, whatever the model says. */
export const THREAT_FORCE = 1;
/**
 * Threat probability from which a comment the model would call neutral becomes an uncertain threat.
 * Chosen on the cross-validated dev predictions (`npm run eval -- --dump`): it turns about 0.4 % of the
 * neutral predictions into uncertain threats.
 */
export const THREAT_MODEL_FLOOR = 0.25;
const FLOOR_NONE = 0;
const FLOOR_EVIDENCE = 1;
const FLOOR_MODEL = 2;

/** What the rules need besides the lexicon evidence. */
export interface RuleInput {
  questions: number;
  firstPerson: number;
}

/**
 * Adds the lexicon rules to the model logits (in place). Returns which safety floor, if any, turned a
 * neutral comment into an uncertain threat (0 none, 1 threat evidence, 2 model score). Exported for evaluation.
 */
export function applyRules(
  z: Float64Array,
  ev: Evidence,
  input: RuleInput = { questions: 0, firstPerson: 0 },
): number {
  const { questions, firstPerson } = input;
  z[TROLL] = (z[TROLL] as number) + LABEL_OFFSETS.troll;
  z[UNHAPPY] = (z[UNHAPPY] as number) + LABEL_OFFSETS.unhappy_customer;
  z[THREAT] = (z[THREAT] as number) + LABEL_OFFSETS.threat;
  z[NEUTRAL] = (z[NEUTRAL] as number) + LABEL_OFFSETS.neutral;
  const calm = ev.negative === 0 && ev.profanity === 0 && ev.insult === 0 && ev.slur === 0;
  // Laughter inside a figure of speech ("cette promo me tue mdr") is not mockery.
  const irony = ev.benign > 0 && ev.irony < 0.5 ? 0 : ev.irony + 0.4 * ev.quotes;
  // A calm question ("vous faites des remboursements si… ?", "est-ce que je peux échanger…") asks about
  // customer matters without complaining: its customer vocabulary counts for much less.
  // A question that also reports a problem ("I haven't received it, how can I…?") is not calm.
  const inquiring =
    calm &&
    irony < 0.5 &&
    ev.complaint < 0.8 &&
    ev.threat < THREAT_FLOOR &&
    (questions > 0 ? ev.inquiry > 0 : ev.inquiry >= 1);
  let complaint = inquiring ? 0.4 * ev.complaint : ev.complaint;
  z[THREAT] = (z[THREAT] as number) + 2.5 * min(ev.threat, 2) + 1.0 * min(ev.violence, 1.5);
  // Mockery without a problem of one's own ("encore un super produit qui tient 3 jours 👏") is trolling;
  // a customer telling what happened to *their* order ("mon colis…", "j'ai reçu…") stays a customer.
  const mocking = irony >= 0.8 && firstPerson === 0 && complaint < 1.5;
  // Mocking, the brand's failures are material for the joke and praise words are part of the sarcasm.
  if (mocking) complaint *= 0.5;
  const sarcasm = mocking ? irony + 0.3 * min(ev.positive, 2) : irony;
  const complaintAll = complaint + 0.5 * ev.negative;
  z[TROLL] =
    (z[TROLL] as number) +
    1.0 * min(ev.insult, 3) +
    1.5 * min(ev.slur, 2) +
    0.3 * min(ev.profanity, 2) +
    (mocking ? 0.9 : complaint > 0 || ev.domain >= 1 ? 0.2 : 0.7) * min(sarcasm, 2.5);
  // Customer vocabulary alone is weak evidence, weaker still in a calm question ("can I rebook?").
  const domain =
    min(ev.domain + ev.extra, 3) * (inquiring || (questions > 0 && calm && complaint < 1) ? 0.15 : 0.3);
  let unhappy = 1.1 * min(complaint, 3) + domain;
  if (ev.negative > 0) unhappy += (ev.domain + ev.brand + ev.extra > 0 ? 0.7 : 0.35) * min(ev.negative, 2);
  if (ev.domain >= 1 && ev.profanity + ev.insult > 0) unhappy += 0.6; // "service client de merde"
  if (ev.brand > 0) unhappy += 0.3 + (complaintAll + ev.profanity + ev.domain > 0 ? 0.6 : 0);
  if (ev.extra > 0 && complaintAll > 0) unhappy += 0.4;
  if (irony > 0 && ev.domain >= 1 && !mocking) unhappy += 0.3; // "génial, encore une hausse de prix 🙄"
  const praise = ev.positive > 0 && irony < 0.5 && calm && complaint < 0.5;
  if (praise) unhappy -= 0.5 * min(ev.positive, 2);
  if (inquiring) {
    // No brand-complaint offset for a calm question, and a nudge towards neutral.
    unhappy -= LABEL_OFFSETS.unhappy_customer + 0.2;
    z[NEUTRAL] = (z[NEUTRAL] as number) + 0.4;
  }
  z[UNHAPPY] = (z[UNHAPPY] as number) + unhappy;
  if (praise) z[NEUTRAL] = (z[NEUTRAL] as number) + 0.6 * min(ev.positive, 2);
  // A recognised figure of speech ("ça me tue 😂", "this deal is killing me") in an otherwise calm comment.
  if (ev.benign > 0 && calm && ev.threat + ev.violence === 0)
    z[NEUTRAL] = (z[NEUTRAL] as number) + 1.2 * min(ev.benign, 1.5);
  // A customer with a real problem stays a customer, even when rude.
  const strongComplaint =
    complaint >= 1 ||
    (complaint >= 0.5 && ev.domain + ev.brand + ev.negative > 0) ||
    (ev.negative >= 1 && ev.domain + ev.brand + ev.extra >= 1);
  if (strongComplaint && !mocking && ev.slur < 1 && ev.threat < THREAT_FORCE) {
    z[UNHAPPY] = Math.max(z[UNHAPPY] as number, (z[TROLL] as number) + 0.6, (z[NEUTRAL] as number) + 0.2);
  }
  // Safety: a threat pattern always wins; partial threat evidence (a veiled threat, doxxing hints) can
  // never come out neutral — at worst it is an uncertain threat. So can wording the model finds close
  // to the threats it was trained on (missing a threat costs more than a false alarm).
  const other = Math.max(z[TROLL] as number, z[UNHAPPY] as number, z[NEUTRAL] as number);
  if (ev.threat >= THREAT_FORCE) {
    z[THREAT] = Math.max(z[THREAT] as number, other + 1.5);
    return FLOOR_NONE;
  }
  const neutralTop =
    (z[NEUTRAL] as number) >= Math.max(z[TROLL] as number, z[UNHAPPY] as number, z[THREAT] as number);
  if (!neutralTop) return FLOOR_NONE;
  if (ev.threat >= THREAT_FLOOR) {
    z[THREAT] = (z[NEUTRAL] as number) + 0.05;
    return FLOOR_EVIDENCE;
  }
  let sum = 0;
  for (let c = 0; c < 4; c++) sum += Math.exp((z[c] as number) - (z[NEUTRAL] as number));
  if (Math.exp((z[THREAT] as number) - (z[NEUTRAL] as number)) / sum >= THREAT_MODEL_FLOOR) {
    z[THREAT] = (z[NEUTRAL] as number) + 0.05;
    return FLOOR_MODEL;
  }
  return FLOOR_NONE;
}

const KIND_ORDER: readonly string[] = [
  'threat',
  'violence',
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

/** Original text for a cue: no invisible characters, no zalgo stacks, no control characters, ≤ 40 chars. */
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
  if (s.length > 40) s = `${s.slice(0, 39)}…`;
  return s;
}

function snippet(a: Analysis, h: Hit): string {
  const fs = a.starts[h.start] as number;
  const fe = (a.ends[h.end - 1] as number) - 1;
  const os = a.map[fs] as number;
  let oe = (a.map[fe] as number) + 1;
  const c = a.original.charCodeAt(oe - 1);
  if (c >= 0xd800 && c <= 0xdbff) oe++;
  return cleanQuote(a.original, os, oe);
}

const KIND_RANK = new Map(KIND_ORDER.map((k, i) => [k, i]));

interface Ranked {
  h: Hit;
  kind: string;
  rank: number;
}
const rankedBuf: Ranked[] = [];

function byRank(x: Ranked, y: Ranked): number {
  return x.rank - y.rank || x.h.start - y.h.start || y.h.entry.weight - x.h.entry.weight || y.h.end - x.h.end;
}

/** Whether a hit of `kind` may explain a comment labelled `label`. */
function explains(kind: string, h: Hit, label: Label): boolean {
  // Generic customer vocabulary only explains complaints; praise only explains neutral comments.
  if (kind === 'domain') return label === 'unhappy_customer';
  if (kind === 'positive') return label === 'neutral';
  if (kind === 'inquiry' || kind === 'benign') return false;
  // Threat hints too weak to rule out `neutral` are not shown on a neutral comment: a threat cue
  // always comes with a non-neutral label.
  if (kind === 'threat' || kind === 'violence') return label !== 'neutral';
  if (h.entry.label === 'laughter') return label === 'troll';
  return true;
}

function buildCues(a: Analysis, label: Label, modelFloor = false): string[] {
  const cues: string[] = [];
  if (modelFloor) cues.push('threat: wording close to known threats (uncertain)');
  const ranked = rankedBuf;
  ranked.length = 0;
  for (let k = 0; k < a.hits.length; k++) {
    const h = a.hits[k] as Hit;
    const l = h.entry.label;
    const kind = l === 'brand mention' ? 'brand' : l === 'domain term' ? 'extra' : h.entry.kind;
    if (explains(kind, h, label)) ranked.push({ h, kind, rank: KIND_RANK.get(kind) ?? KIND_ORDER.length });
  }
  if (ranked.length > 1) ranked.sort(byRank);
  let seen: Set<string> | null = null;
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
    if (!seen) seen = new Set();
    else if (seen.has(key)) continue;
    seen.add(key);
    cues.push(cue);
  }
  ranked.length = 0;
  if (a.scareQuote && label === 'troll' && cues.length < MAX_CUES) {
    const q = cleanQuote(a.scareQuote, 0, a.scareQuote.length);
    if (q) cues.push(`sarcasm: '${q}' in quotes`);
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
  const floor = applyRules(z, a.ev, a);
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
    0.3 * min(ev.threat + 0.5 * ev.violence, 1) +
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
    cues: buildCues(a, label, floor === FLOOR_MODEL),
  };
}
