/** One evidence record per comment: how two records of a comment merge (escalation, restore, upgrade). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeEvidence } from '../../../src/storage/evidence';
import type { EvidenceRow } from '../../../src/storage/schema';
import { evidenceRow } from './arbitraries';

/** Two records of the same comment, the first with a local id. */
const pair = fc
  .tuple(evidenceRow, evidenceRow, fc.integer({ min: 1, max: 1_000 }))
  .map(([a, b, id]): [EvidenceRow, EvidenceRow] => [
    { ...a, id },
    { ...b, commentKey: a.commentKey },
  ]);

describe('merging two evidence records of a comment', () => {
  it('keeps the first escalation, the last update with its details, and a screenshot if either had one', () => {
    fc.assert(
      fc.property(pair, ([a, b]) => {
        const merged = mergeEvidence(a, b);
        const later = b.updatedAt > a.updatedAt ? b : a;
        expect(merged.id).toBe(a.id);
        expect(merged.at).toBe(Math.min(a.at, b.at));
        expect(merged.updatedAt).toBe(later.updatedAt);
        expect([merged.text, merged.authorName, merged.permalink]).toEqual([
          later.text,
          later.authorName,
          later.permalink,
        ]);
        const pictured = later.screenshot !== null ? later : b === later ? a : b;
        expect([merged.screenshot, merged.screenshotAt]).toEqual([
          pictured.screenshot,
          pictured.screenshotAt,
        ]);
        const sights = [a.firstSeen, b.firstSeen].filter((at) => at !== null);
        expect(merged.firstSeen).toBe(sights.length > 0 ? Math.min(...sights) : null);
      }),
    );
  });

  it('changes nothing when merged again with either side, keys in the same order', () => {
    fc.assert(
      fc.property(pair, ([a, b]) => {
        const merged = mergeEvidence(a, b);
        for (const side of [a, b])
          expect(JSON.stringify(mergeEvidence(merged, side))).toBe(JSON.stringify(merged));
      }),
    );
  });

  it('never takes the id of the record merged in', () => {
    const a = { ...fc.sample(evidenceRow, { numRuns: 1, seed: 1 })[0], updatedAt: 1 } as EvidenceRow;
    const b = { ...a, id: 99, updatedAt: 2 };
    expect(mergeEvidence(a, b)).not.toHaveProperty('id');
    expect(mergeEvidence({ ...a, id: 3 }, b).id).toBe(3);
  });
});
