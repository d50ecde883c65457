/** `npm run train`: rebuilds src/classifier/model/weights.json from the licensed dev files (deterministic). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { loadDevFile, MODEL_PATH, requireDevData, TRAIN_FILES } from './lib/classifier-data';
import { synthesize } from './lib/classifier-synth';
import { contentHash, trainingCorpus, trainModel } from './lib/classifier-train';

requireDevData();
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
mkdirSync(dirname(MODEL_PATH), { recursive: true });
writeFileSync(MODEL_PATH, json);
const secs = ((performance.now() - t0) / 1000).toFixed(1);
console.log(
  `trained on ${real.length} real + ${synth.length} synthetic comments (${TRAIN_FILES.join(', ')}) in ${secs}s`,
);
console.log(`wrote ${MODEL_PATH} (${Buffer.byteLength(json)} bytes, version ${file.version})`);
