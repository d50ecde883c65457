/**
 * The intensity levels and the shield's default, checked against the classifier's intensities on the
 * authored corpus (what `npm run levels` prints): retraining the model may move them, and this says so.
 */
import { describe, expect, it } from 'vitest';
import { type LabelIntensities, measureIntensities } from '../../scripts/lib/intensity-levels';
import { intensityLevel, LEVEL_FROM } from '../../src/shared/levels';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import { SHIELD_CHOICES, shieldChoice, shieldThreshold, snapThreshold } from '../../src/shared/shield';

describe('levels', () => {
  it('cut the scale at the medium and high thresholds', () => {
    expect([0, 0.34, LEVEL_FROM.medium, 0.49, LEVEL_FROM.high, 1].map(intensityLevel)).toEqual([
      'low',
      'low',
      'medium',
      'medium',
      'high',
      'high',
    ]);
  });

  it('are what the shield choices stand for, and an old percentage snaps to the nearest', () => {
    for (const choice of SHIELD_CHOICES) expect(shieldChoice(shieldThreshold(choice))).toBe(choice);
    expect([0.1, 0.3, 0.45, 0.9].map(snapThreshold)).toEqual([0, LEVEL_FROM.medium, LEVEL_FROM.high, 0.5]);
  });
});

describe('on the authored corpus', () => {
  const rows = new Map(measureIntensities().map((row) => [row.label, row]));
  const share = (row: LabelIntensities | undefined, count: number) => count / (row?.count ?? 1);

  it('the default shield blurs every troll of medium or high intensity, most trolls', () => {
    const trolls = rows.get('troll');
    expect(DEFAULT_SETTINGS.shield.troll).toBe(LEVEL_FROM.medium);
    expect(trolls?.shielded).toBe((trolls?.byLevel.medium ?? -1) + (trolls?.byLevel.high ?? -1));
    expect(share(trolls, trolls?.shielded ?? 0)).toBeGreaterThan(0.5);
  });

  it('every level holds some trolls and some unhappy customers: the thresholds split them', () => {
    for (const label of ['troll', 'unhappy_customer'] as const) {
      const row = rows.get(label);
      for (const count of Object.values(row?.byLevel ?? {})) expect(share(row, count)).toBeGreaterThan(0.05);
    }
  });

  it('threats are not floored: implicit ones read medium, explicit ones high, few low', () => {
    const threats = rows.get('threat');
    expect(share(threats, threats?.byLevel.medium ?? 0)).toBeGreaterThan(0.2);
    expect(share(threats, threats?.byLevel.high ?? 0)).toBeGreaterThan(0.2);
    expect(share(threats, threats?.byLevel.low ?? 1)).toBeLessThan(0.1);
  });
});
