/**
 * Speed work must not change what the classifier says: every third comment of the authored training corpus
 * keeps its label, scores, intensity and cues (kinds, quotes, counts), checked against a file snapshot.
 * A retrained model changes them on purpose: then `npx vitest run --project unit -u` rewrites the snapshot
 * and its diff shows what the new weights changed.
 */
import { describe, expect, it } from 'vitest';
import { AUTHORED_FILES, loadAuthored } from '../../../scripts/lib/classifier-data';
import { classify } from '../../../src/classifier';
import { LABELS } from '../../../src/shared/comment';

describe('classifier output', () => {
  it('is the same as the snapshot on every third authored comment', async () => {
    const texts = AUTHORED_FILES.flatMap((f) => loadAuthored(f).map((d) => d.text)).filter(
      (_, i) => i % 3 === 0,
    );
    expect(texts.length).toBeGreaterThan(2_000);
    const lines = texts.map((text) => {
      const c = classify(text);
      const scores = LABELS.map((l) => c.scores[l]).join(' ');
      const cues = c.cues.map((q) => [q.kind, q.quote, q.count].filter((x) => x !== undefined).join(':'));
      return [c.label, c.intensity, scores, c.uncertain ? 'uncertain' : 'sure', ...cues].join('|');
    });
    await expect(`${lines.join('\n')}\n`).toMatchFileSnapshot('__snapshots__/same-output.txt');
  });
});
