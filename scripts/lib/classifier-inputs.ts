/**
 * Everything a label depends on besides the weights: the classifier's code (normalisation, phrases,
 * frames, features, rule), its verb tables, the trainer and its data loading (settings, source weights)
 * and the training data. Their checksums go into the model file; the version hashes them with the
 * weights, and a unit test fails when the committed model is stale.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  AUTHORED_FILES,
  authoredPath,
  devPath,
  fileChecksum,
  REPO_ROOT,
  TRAIN_FILES,
} from './classifier-data';

const CODE_FILES = [
  'src/classifier/text.ts',
  'src/classifier/lang.ts',
  'src/classifier/phrases.ts',
  'src/classifier/frames.ts',
  'src/classifier/negation.ts',
  'src/classifier/engine.ts',
  'src/classifier/model/verbs.json',
  'src/classifier/model/phrases.json',
  'scripts/lib/classifier-train.ts',
  'scripts/lib/classifier-data.ts',
] as const;

export function codeChecksums(): Record<string, string> {
  return Object.fromEntries(CODE_FILES.map((f) => [f, fileChecksum(join(REPO_ROOT, f))]));
}

/** Training files present here (the shared dev files are absent from a clone without ../shared). */
export function dataChecksums(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of AUTHORED_FILES) out[`scripts/corpus/${name}.jsonl`] = fileChecksum(authoredPath(name));
  for (const name of TRAIN_FILES)
    if (existsSync(devPath(name))) out[`shared/data/dev/${name}.jsonl`] = fileChecksum(devPath(name));
  return out;
}

/** The classifier version: weights and every input that changes a label. */
export function versionHash(
  weights: string,
  bias: readonly number[],
  scale: readonly number[],
  code: Record<string, string>,
): string {
  const h = createHash('sha256');
  h.update(weights);
  h.update(JSON.stringify(bias));
  h.update(JSON.stringify(scale));
  for (const key of Object.keys(code).sort()) h.update(`${key}:${code[key]}`);
  return h.digest('hex').slice(0, 12);
}
