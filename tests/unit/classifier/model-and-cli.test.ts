import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeModel, type ModelFile } from '../../../src/classifier/model-codec';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const modelPath = `${root}src/classifier/model/weights.json`;
const modelFiles = ['weights', 'verbs', 'phrases'].map((name) => `${root}src/classifier/model/${name}.json`);

describe('shipped model', () => {
  it('is at most 3 MB (weights, verb tables, phrase matcher) and decodes (its load time: npm run bench:classifier)', () => {
    expect(modelFiles.reduce((sum, path) => sum + statSync(path).size, 0)).toBeLessThanOrEqual(
      3 * 1024 * 1024,
    );
    const model = decodeModel(JSON.parse(readFileSync(modelPath, 'utf8')) as ModelFile);
    expect(model.w.length).toBe((1 << model.bits) * 4);
    expect(model.scale.every((s) => s > 0)).toBe(true);
  });

  it('src/classifier imports no Node or browser APIs', () => {
    const files = [
      'index.ts',
      'engine.ts',
      'phrases.ts',
      'frames.ts',
      'negation.ts',
      'lang.ts',
      'adjustment.ts',
      'model-codec.ts',
      'text.ts',
    ];
    for (const f of files) {
      const src = readFileSync(`${root}src/classifier/${f}`, 'utf8');
      expect(src).not.toMatch(/from ['"](node:|fs|path|webextension-polyfill|dexie)/);
      expect(src).not.toMatch(/\b(chrome|browser|window|document|fetch)\s*\./);
    }
  });
});

describe('CLI: npm run classify', () => {
  it('streams one JSON line per input line, in order, with errors for bad lines', () => {
    const input = [
      JSON.stringify({ id: 'a', text: 'je sais où tu habites' }),
      'this is not json',
      JSON.stringify({ id: 'b', text: 'Votre service client de merde, toujours pas reçu mon colis' }),
      JSON.stringify({ id: 'c' }),
      JSON.stringify({ id: 7, text: 'Merci pour la livraison rapide !' }),
      JSON.stringify({ id: 'd', text: 'Acme, vous êtes des clowns 🤡' }),
    ].join('\n');
    const r = spawnSync('npx', ['tsx', 'scripts/classify.ts'], {
      cwd: root,
      input,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(6);
    const out = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out.map((o) => o.id)).toEqual(['a', null, 'b', 'c', 7, 'd']);
    expect(out[0]?.label).toBe('threat');
    expect(typeof out[1]?.error).toBe('string');
    expect(out[2]?.label).toBe('unhappy_customer');
    expect(typeof out[3]?.error).toBe('string');
    expect(out[4]?.label).toBe('neutral');
    expect(out[5]?.cues).toContainEqual({ kind: 'insult', quote: 'clowns' });
    for (const o of [out[0], out[2], out[4]]) {
      expect(Object.keys(o ?? {}).sort()).toEqual(
        ['cues', 'id', 'intensity', 'label', 'lang', 'scores', 'uncertain', 'version'].sort(),
      );
    }
  }, 60_000);
});
