/**
 * The sealed tests. Only `npm run eval` reads them, to report; training and tuning never do (their loader
 * refuses the folder, and a unit test checks that nothing they import reaches this module).
 * - authored_test.jsonl: 20 % of the authored corpus, stratified by language, label and sector, frozen when
 *   the corpus was written.
 * - blind_2026-12-05.jsonl: 380 comments written on 2026-12-05 by two writers who saw no code and no corpus,
 *   to a brief of their own (threats aimed at staff and premises, and harmless comments on the same
 *   violent-sounding verbs): see docs/corpus-datasheet.md.
 * - ordinary_day_2026-12-05.jsonl: 594 comments written by three other writers to a brief of an ordinary
 *   day under a Page, in its proportions (2 % threats): what a CM meets most, and where false alarms add up.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LABELS, type Label } from '../../src/shared/comment';
import { type DevDoc, SEALED_DIR } from './classifier-data';

export const SEALED_FILE = join(SEALED_DIR, 'authored_test.jsonl');
export const BLIND_FILE = join(SEALED_DIR, 'blind_2026-12-05.jsonl');
export const ORDINARY_DAY_FILE = join(SEALED_DIR, 'ordinary_day_2026-12-05.jsonl');

function loadFrozen(path: string, name: string): DevDoc[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line, i) => {
      const o = JSON.parse(line) as Omit<DevDoc, 'id' | 'source'>;
      if (!LABELS.includes(o.label as Label)) throw new Error(`${name} line ${i + 1}: bad label`);
      return { ...o, id: `${name}-${i + 1}`, source: `${name}_${o.lang}` };
    });
}

export function loadSealedTest(): DevDoc[] {
  return loadFrozen(SEALED_FILE, 'authored_test');
}

export function loadBlindTest(): DevDoc[] {
  return loadFrozen(BLIND_FILE, 'blind');
}

export function loadOrdinaryDay(): DevDoc[] {
  return loadFrozen(ORDINARY_DAY_FILE, 'ordinary_day');
}
