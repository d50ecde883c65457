import { expect } from 'vitest';
import { type Classification, CUE_KINDS, LABELS } from '../../../src/shared/comment';

/** Structural invariants every classification must satisfy. */
export function expectValid(c: Classification): void {
  expect(LABELS).toContain(c.label);
  let sum = 0;
  for (const l of LABELS) {
    const s = c.scores[l];
    expect(Number.isFinite(s)).toBe(true);
    expect(s).toBeGreaterThanOrEqual(0);
    expect(s).toBeLessThanOrEqual(1);
    sum += s;
  }
  expect(sum).toBeCloseTo(1, 6);
  for (const l of LABELS) expect(c.scores[c.label]).toBeGreaterThanOrEqual(c.scores[l]);
  expect(c.intensity).toBeGreaterThanOrEqual(0);
  expect(c.intensity).toBeLessThanOrEqual(1);
  expect(['fr', 'en', 'und']).toContain(c.lang);
  expect(typeof c.uncertain).toBe('boolean');
  expect(Array.isArray(c.cues)).toBe(true);
  for (const cue of c.cues) {
    expect(CUE_KINDS).toContain(cue.kind);
    if (cue.quote !== undefined) {
      expect(cue.quote.length).toBeGreaterThan(0);
      expect(cue.quote.length).toBeLessThanOrEqual(40);
    }
  }
  expect(c.version).toMatch(/^2\+[0-9a-f]{12}$/);
}
