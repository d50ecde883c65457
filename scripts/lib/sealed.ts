/**
 * The sealed test: 20 % of the authored corpus, stratified by language, label and sector, frozen when the
 * corpus was written. Only `npm run eval` reads it, to report; training and tuning never do (their loader
 * refuses the folder, and a unit test checks that nothing they import reaches this module).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LABELS, type Label } from '../../src/shared/comment';
import { type DevDoc, SEALED_DIR } from './classifier-data';

export const SEALED_FILE = join(SEALED_DIR, 'authored_test.jsonl');

export function loadSealedTest(): DevDoc[] {
  return readFileSync(SEALED_FILE, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line, i) => {
      const o = JSON.parse(line) as Omit<DevDoc, 'id' | 'source'>;
      if (!LABELS.includes(o.label as Label)) throw new Error(`sealed test line ${i + 1}: bad label`);
      return { ...o, id: `sealed-${i + 1}`, source: `authored_test_${o.lang}` };
    });
}
