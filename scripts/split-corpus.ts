/**
 * `npx tsx scripts/split-corpus.ts DIR`: merges the authored shards in DIR (*.jsonl, one per writer),
 * drops exact duplicates, and seals one comment in five as the frozen test tests/sealed/authored_test.jsonl;
 * the rest becomes scripts/corpus/authored_{fr,en}.jsonl. A hash of the text decides, so a comment's side
 * never changes as shards grow (nothing seen while writing the features can slip into the test later), and
 * every stratum (language × label × sector) gets 20 % of its comments up to chance; the script prints them.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { authoredPath } from './lib/classifier-data';
import { SEALED_FILE } from './lib/sealed';

interface Row {
  text: string;
  lang: string;
  label: string;
  sector: string;
  register: string;
  case: string;
}

const dir = process.argv[2];
if (!dir) throw new Error('usage: split-corpus.ts DIR');
const seen = new Set<string>();
const rows: Row[] = [];
for (const file of readdirSync(dir)
  .filter((f) => f.endsWith('.jsonl'))
  .sort()) {
  for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const o = JSON.parse(line) as Row;
    const key = o.text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
    if (seen.has(key)) continue;
    seen.add(key);
    rows.push({
      text: o.text,
      lang: o.lang,
      label: o.label,
      sector: o.sector,
      register: o.register,
      case: o.case,
    });
  }
}
const sealedSide = (r: Row) => createHash('sha256').update(r.text).digest().readUInt32BE(0) % 5 === 0;
const test = rows.filter(sealedSide);
const train = rows.filter((r) => !sealedSide(r));
const strata = new Map<string, [number, number]>();
for (const r of rows) {
  const key = `${r.lang}/${r.label}/${r.sector}`;
  const [all, sealed] = strata.get(key) ?? [0, 0];
  strata.set(key, [all + 1, sealed + (sealedSide(r) ? 1 : 0)]);
}
for (const [key, [all, sealed]] of [...strata].sort())
  console.log(`${key.padEnd(40)} ${String(sealed).padStart(4)} / ${String(all).padStart(4)} sealed`);
const jsonl = (rs: Row[]) => `${rs.map((r) => JSON.stringify(r)).join('\n')}\n`;
writeFileSync(SEALED_FILE, jsonl(test));
for (const lang of ['fr', 'en'])
  writeFileSync(authoredPath(`authored_${lang}`), jsonl(train.filter((r) => r.lang === lang)));
console.log(`${rows.length} comments: ${train.length} to train on, ${test.length} sealed`);
