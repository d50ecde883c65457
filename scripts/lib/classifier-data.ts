/** Loading the shared development data (../shared/data/dev) for training and evaluation. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LABELS, type Label } from '../../src/shared/comment';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Override with DESAFFECT_DEV_DIR (e.g. to check the behaviour without ../shared). */
export const DEV_DIR = process.env.DESAFFECT_DEV_DIR ?? resolve(REPO_ROOT, '..', 'shared', 'data', 'dev');
export const MODEL_PATH = join(REPO_ROOT, 'src', 'classifier', 'model', 'weights.json');

/** Files whose licence allows training the shipped model (MIT, CC0, CC BY-SA, US open data). */
export const TRAIN_FILES = [
  'mlma_fr',
  'ftr_fr',
  'mlma_en',
  'davidson_en',
  'jigsaw_toxic_en',
  'cfpb_complaints_en',
  'clothing_reviews_en',
] as const;
/** Non-commercial: evaluation and threshold tuning only, never training. */
export const EVAL_ONLY_FILES = ['airline_sentiment_en'] as const;

export interface DevDoc {
  id: string;
  text: string;
  lang: string;
  label: Label;
  source: string;
}

export function devDataAvailable(): boolean {
  return existsSync(DEV_DIR) && readdirSync(DEV_DIR).some((f) => f.endsWith('.jsonl'));
}

export function requireDevData(): void {
  if (!devDataAvailable()) {
    process.stderr.write(
      `Development data not found at ${DEV_DIR}.\n` +
        'Training and evaluation need ../shared/data/dev/*.jsonl next to this repository.\n',
    );
    process.exit(2);
  }
}

export function loadDevFile(name: string): DevDoc[] {
  const path = join(DEV_DIR, `${name}.jsonl`);
  if (!existsSync(path)) return [];
  const docs: DevDoc[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const o = JSON.parse(line) as Partial<DevDoc>;
    if (typeof o.text !== 'string' || !LABELS.includes(o.label as Label)) continue;
    docs.push({
      id: String(o.id),
      text: o.text,
      lang: String(o.lang ?? 'und'),
      label: o.label as Label,
      source: name,
    });
  }
  // Deterministic order regardless of the file's order.
  docs.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return docs;
}
