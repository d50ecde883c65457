/**
 * `npm run train`: conjugates the threat frames' verbs into src/classifier/model/verbs.json and compiles
 * the phrase matcher into model/phrases.json, then trains model/weights.json on the licensed dev files
 * and the authored corpus's training part (deterministic). `npm run train -- --verbs` rebuilds the first
 * two only (no data needed).
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MODEL_PATH, requireDevData, trainingSet } from './lib/classifier-data';
import { codeChecksums, dataChecksums, versionHash } from './lib/classifier-inputs';

const WEIGHTS_ONLY = '--weights-only';

if (!process.argv.includes(WEIGHTS_ONLY)) {
  const { PHRASE_MATCHER_PATH, phraseMatcherJson, VERBS_PATH, verbTablesJson } = await import(
    './lib/threat-verbs'
  );
  writeFileSync(VERBS_PATH, verbTablesJson());
  writeFileSync(PHRASE_MATCHER_PATH, phraseMatcherJson());
  console.log(`wrote ${VERBS_PATH} and ${PHRASE_MATCHER_PATH}`);
  if (process.argv.includes('--verbs')) process.exit(0);
  // The engine read verbs.json and phrases.json when this process loaded it, before they were written:
  // the weights are trained in a new process, whose engine reads them as they are now.
  const run = spawnSync(
    process.execPath,
    [...process.execArgv, fileURLToPath(import.meta.url), WEIGHTS_ONLY],
    {
      stdio: 'inherit',
    },
  );
  process.exit(run.status ?? 1);
}

requireDevData();
const { trainModel } = await import('./lib/classifier-train');
const t0 = performance.now();
const docs = trainingSet();
const file = trainModel(docs, { seed: 42 });
const code = codeChecksums();
file.inputs = { code, data: dataChecksums() };
file.version = versionHash(file.weights, file.bias, file.scale, code);
file.notice =
  'Trained on: MLMA hate speech FR/EN (Ousidhoum et al. 2019, MIT); FTR French racism tweets (Vanetik & Mimoun 2022, MIT); ' +
  'Davidson et al. 2017 (MIT); Jigsaw Toxic Comment Classification (CC0, comment text CC BY-SA 3.0 by Wikipedia contributors); ' +
  "CFPB Consumer Complaint Database (US open data, CC0); Women's E-Commerce Clothing Reviews (CC0); " +
  "Desaffect's authored brand-directed corpus (scripts/corpus, see docs/corpus-datasheet.md). " +
  'Twitter US Airline Sentiment (CC BY-NC-SA) was used for evaluation only.';
const json = `${JSON.stringify(file)}\n`;
writeFileSync(MODEL_PATH, json);
const secs = ((performance.now() - t0) / 1000).toFixed(1);
console.log(`trained on ${docs.length} comments in ${secs}s`);
console.log(`wrote ${MODEL_PATH} (${Buffer.byteLength(json)} bytes, version ${file.version})`);
