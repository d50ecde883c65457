/** The texts the live feed draws from: the dev data when ../shared is beside the project, else the sample. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SAMPLE_COMMENTS } from './sample-comments';

export interface FeedText {
  text: string;
  lang: string;
  /** The author's display name, when the text comes with one (tests of hostile names). */
  name?: string;
}

const DEV_DATA = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'data', 'dev');

/** A deterministic mix of at most `limit` texts, a few from each dev file. */
export function loadFeedPool(limit = 400, devDir = DEV_DATA): FeedText[] {
  if (!existsSync(devDir)) return [...SAMPLE_COMMENTS];
  const files = readdirSync(devDir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort();
  const perFile = Math.max(1, Math.floor(limit / Math.max(1, files.length)));
  const pool: FeedText[] = [];
  for (const file of files) {
    const lines = readFileSync(join(devDir, file), 'utf8').split('\n').filter(Boolean);
    const step = Math.max(1, Math.floor(lines.length / perFile));
    for (let i = 0; i < lines.length && pool.length < limit; i += step) {
      try {
        const row = JSON.parse(lines[i] as string) as { text?: unknown; lang?: unknown };
        if (typeof row.text === 'string' && row.text.length <= 2_000) {
          pool.push({ text: row.text, lang: typeof row.lang === 'string' ? row.lang : 'und' });
        }
      } catch {
        // A malformed line in the data set: skip it, the pool is a sample anyway.
      }
    }
  }
  return mix(interleave(pool), SAMPLE_COMMENTS);
}

/** Every third text from the sample: it has what the dev data lacks (French complaints and threats). */
function mix(devTexts: FeedText[], sample: readonly FeedText[]): FeedText[] {
  const out: FeedText[] = [];
  devTexts.forEach((text, i) => {
    if (i % 2 === 1) out.push(sample[((i - 1) / 2) % sample.length] as FeedText);
    out.push(text);
  });
  return out;
}

/** Spreads the files' texts so the feed mixes sources and languages instead of playing one file after another. */
function interleave(pool: FeedText[]): FeedText[] {
  const out: FeedText[] = [];
  const stride = 7;
  for (let start = 0; start < stride; start++)
    for (let i = start; i < pool.length; i += stride) out.push(pool[i] as FeedText);
  return out;
}
