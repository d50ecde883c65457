/**
 * `npm run train`: rebuilds src/classifier/model/weights.json from the licensed dev files (deterministic),
 * after compiling the lexicons into src/classifier/model/lexicon.json. `npm run train -- --lexicon`
 * compiles the lexicons only (no dev data needed), e.g. after editing lexicon-data.ts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { loadDevFile, MODEL_PATH, requireDevData, TRAIN_FILES } from './lib/classifier-data';
import { LEXICON_PATH, writeLexicon } from './lib/classifier-lexicon';
import { synthesize } from './lib/classifier-synth';

// First: the features count lexicon hits, and the engine reads the compiled lexicons when it loads.
mkdirSync(dirname(LEXICON_PATH), { recursive: true });
console.log(`wrote ${LEXICON_PATH} (${writeLexicon()} bytes)`);
if (process.argv.includes('--lexicon')) process.exit(0);

requireDevData();
const { contentHash, trainingCorpus, trainModel } = await import('./lib/classifier-train');
const t0 = performance.now();
const real = TRAIN_FILES.flatMap((f) => loadDevFile(f));
const synth = synthesize();
const docs = trainingCorpus(real, synth);
const file = trainModel(docs, { seed: 42 });
file.version = contentHash(file.weights + JSON.stringify(file.bias) + JSON.stringify(file.scale));
file.notice =
  'Trained on: MLMA hate speech FR/EN (Ousidhoum et al. 2019, MIT); FTR French racism tweets (Vanetik & Mimoun 2022, MIT); ' +
  'Davidson et al. 2017 (MIT); Jigsaw Toxic Comment Classification (CC0, comment text CC BY-SA 3.0 by Wikipedia contributors); ' +
  "CFPB Consumer Complaint Database (US open data, CC0); Women's E-Commerce Clothing Reviews (CC0); " +
  'plus templated synthetic sentences. Twitter US Airline Sentiment (CC BY-NC-SA) was used for evaluation only.';
const json = `${JSON.stringify(file)}\n`;
writeFileSync(MODEL_PATH, json);
const secs = ((performance.now() - t0) / 1000).toFixed(1);
console.log(
  `trained on ${real.length} real + ${synth.length} synthetic comments (${TRAIN_FILES.join(', ')}) in ${secs}s`,
);
console.log(`wrote ${MODEL_PATH} (${Buffer.byteLength(json)} bytes, version ${file.version})`);
