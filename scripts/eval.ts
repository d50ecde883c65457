/**
 * `npm run eval`: quality of the classifier on ../shared/data/dev.
 *  - Files used for training: 5-fold cross-validation (fixed seed, stratified by file and label): each
 *    comment is classified by a model trained without it (plus the synthetic sentences).
 *  - airline_sentiment_en (non-commercial): never trained on, classified by the shipped model without and
 *    with the airline names as brand context. It is NOT a blind test: the `unhappy_customer` offset in
 *    `LABEL_OFFSETS` (src/classifier/engine.ts) was tuned by hand on it, so its figures are optimistic.
 *  - `--dump FILE` also writes every prediction (JSON Lines) for error analysis.
 */
import { writeFileSync } from 'node:fs';
import { classifyWith } from '../src/classifier/engine';
import { loadModel } from '../src/classifier/index';
import { decodeModel } from '../src/classifier/model-codec';
import type { Classification, Label } from '../src/shared/comment';
import {
  type DevDoc,
  EVAL_ONLY_FILES,
  loadDevFile,
  requireDevData,
  TRAIN_FILES,
} from './lib/classifier-data';
import { formatOverview, formatSummary, type Pred, type Summary, summarise } from './lib/classifier-metrics';
import { mulberry32, synthesize } from './lib/classifier-synth';
import { featurise, trainingCorpus, trainModel } from './lib/classifier-train';

requireDevData();
const K = 5;
const t0 = performance.now();

const real: DevDoc[] = TRAIN_FILES.flatMap((f) => loadDevFile(f));
const synth = synthesize();

// Stratified fold assignment: shuffle each (file, label) group with a fixed seed, deal round-robin.
const fold = new Int32Array(real.length);
const rnd = mulberry32(7);
const groups = new Map<string, number[]>();
real.forEach((d, i) => {
  const key = `${d.source}/${d.label}`;
  const g = groups.get(key);
  if (g) g.push(i);
  else groups.set(key, [i]);
});
for (const idx of [...groups.keys()].sort().map((k) => groups.get(k) as number[])) {
  for (let i = idx.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [idx[i], idx[j]] = [idx[j] as number, idx[i] as number];
  }
  idx.forEach((docIndex, k) => {
    fold[docIndex] = k % K;
  });
}

const allDocs = trainingCorpus(real, synth);
const pre = featurise(allDocs, 18);
const predicted: Label[] = new Array(real.length);
const dumpAt = process.argv.indexOf('--dump');
const dumpPath = dumpAt >= 0 ? process.argv[dumpAt + 1] : undefined;
const dump: string[] = [];
function record(d: DevDoc, c: Classification): void {
  if (!dumpPath) return;
  const { label: pred, uncertain, scores, cues } = c;
  dump.push(
    JSON.stringify({
      id: d.id,
      source: d.source,
      gold: d.label,
      pred,
      uncertain,
      scores,
      cues,
      text: d.text,
    }),
  );
}
for (let k = 0; k < K; k++) {
  const keep: number[] = [];
  for (let i = 0; i < allDocs.length; i++) if (i >= real.length || fold[i] !== k) keep.push(i);
  // Sub-corpus featurisation reuses the precomputed buckets.
  const offsets = new Int32Array(keep.length + 1);
  let total = 0;
  keep.forEach((i, j) => {
    total += (pre.offsets[i + 1] as number) - (pre.offsets[i] as number);
    offsets[j + 1] = total;
  });
  const buckets = new Int32Array(total);
  keep.forEach((i, j) => {
    buckets.set(
      pre.buckets.subarray(pre.offsets[i] as number, pre.offsets[i + 1] as number),
      offsets[j] as number,
    );
  });
  const file = trainModel(
    keep.map((i) => allDocs[i] as (typeof allDocs)[number]),
    { seed: 42 },
    { offsets, buckets },
  );
  const model = decodeModel(file);
  real.forEach((d, i) => {
    if (fold[i] !== k) return;
    const c = classifyWith(model, d.text);
    predicted[i] = c.label;
    record(d, c);
  });
}

const rows: { name: string; s: Summary }[] = [];
const details: string[] = [];
const byLang = new Map<string, Pred[]>();
const addLang = (lang: string, p: Pred) => {
  const list = byLang.get(lang);
  if (list) list.push(p);
  else byLang.set(lang, [p]);
};

for (const name of TRAIN_FILES) {
  const preds: Pred[] = [];
  real.forEach((d, i) => {
    if (d.source !== name) return;
    const p = { gold: d.label, pred: predicted[i] as Label };
    preds.push(p);
    addLang(d.lang, p);
  });
  const s = summarise(preds);
  rows.push({ name: `${name} (${K}-fold CV)`, s });
  details.push(formatSummary(`${name} — ${K}-fold cross-validation`, s));
}

const shipped = loadModel();
const AIRLINES = ['united', 'USAirways', 'AmericanAir', 'SouthwestAir', 'JetBlue', 'VirginAmerica', 'Delta'];
for (const name of EVAL_ONLY_FILES) {
  const docs = loadDevFile(name);
  const preds: Pred[] = docs.map((d) => {
    const c = classifyWith(shipped, d.text);
    record(d, c);
    return { gold: d.label, pred: c.label };
  });
  preds.forEach((p, i) => {
    addLang(docs[i]?.lang ?? 'und', p);
  });
  const s = summarise(preds);
  rows.push({ name: `${name} (eval-only)`, s });
  details.push(
    formatSummary(
      `${name} — shipped model; never trained on, but LABEL_OFFSETS were tuned on it (not a blind test)`,
      s,
    ),
  );
  const withBrand = summarise(
    docs.map((d) => ({ gold: d.label, pred: classifyWith(shipped, d.text, { brandNames: AIRLINES }).label })),
  );
  rows.push({ name: `${name} (+brandNames)`, s: withBrand });
  details.push(
    formatSummary(
      `${name} — shipped model with the airline names as brand context (tuned on, not blind)`,
      withBrand,
    ),
  );
}

for (const lang of [...byLang.keys()].sort()) {
  const s = summarise(byLang.get(lang) as Pred[]);
  rows.push({ name: `ALL ${lang} (CV + eval-only)`, s });
  details.push(formatSummary(`language ${lang} — all files (CV predictions + eval-only files)`, s));
}

if (dumpPath) writeFileSync(dumpPath, `${dump.join('\n')}\n`);
console.log(details.join('\n\n'));
console.log('\nOverview');
console.log(formatOverview(rows));
console.log(
  `\n${real.length} training comments (${K}-fold CV, + ${synth.length} synthetic in every training fold); ` +
    `done in ${((performance.now() - t0) / 1000).toFixed(1)}s`,
);
