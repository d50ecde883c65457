/** The sealed authored test is out of reach of training and tuning. */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadJsonl, REPO_ROOT, SEALED_DIR } from '../../../scripts/lib/classifier-data';
import { SEALED_FILE, WRITTEN_APART } from '../../../scripts/lib/sealed';

/** Relative imports of a module, static and dynamic, transitively, from the repository's scripts and sources. */
function importGraph(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const src = readFileSync(file, 'utf8');
    for (const [, spec] of src.matchAll(/(?:from |import\(\s*)'(\.[^']+)'/g)) {
      const base = join(file, '..', spec as string);
      const candidates = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')];
      const found = candidates.find((c) => {
        try {
          return readFileSync(c) && !c.endsWith('.json');
        } catch {
          return false;
        }
      });
      if (found) visit(found);
    }
  };
  visit(entry);
  return seen;
}

describe('the sealed test', () => {
  it('cannot be read by the training loader, nor can the tests written apart beside it', () => {
    expect(() => loadJsonl(SEALED_FILE, 'sealed')).toThrow(/sealed/);
    for (const { file, key } of WRITTEN_APART) expect(() => loadJsonl(file, key)).toThrow(/sealed/);
  });

  it('lists every frozen file beside it, so that npm run eval reports each one', () => {
    const frozen = readdirSync(SEALED_DIR).filter((f) => f.endsWith('.jsonl') && f !== basename(SEALED_FILE));
    expect(frozen.length).toBeGreaterThan(0);
    expect(WRITTEN_APART.map(({ file }) => basename(file)).sort()).toEqual(frozen.sort());
  });

  it('is reached by no module of training (npm run train)', () => {
    const graph = importGraph(join(REPO_ROOT, 'scripts/train.ts'));
    expect(graph.size).toBeGreaterThan(5);
    expect([...graph].some((f) => f.endsWith('sealed.ts'))).toBe(false);
  });

  it('holds about a fifth of the authored corpus, of every label in both languages', () => {
    const rows = readFileSync(SEALED_FILE, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { lang: string; label: string });
    for (const lang of ['fr', 'en'])
      for (const label of ['troll', 'unhappy_customer', 'threat', 'neutral'])
        expect(rows.filter((r) => r.lang === lang && r.label === label).length).toBeGreaterThan(20);
  });
});
