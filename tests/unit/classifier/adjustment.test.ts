/** Learning from the CM's corrections: bounded, local to what was corrected, measured on held-out corrections. */
import { describe, expect, it } from 'vitest';
import {
  heldOutAgreement,
  learnAdjustment,
  MAX_DELTA,
  MAX_EXAMPLES,
} from '../../../src/classifier/adjustment';
import { classify, correctionFeatures, loadModel } from '../../../src/classifier/index';
import { ZORBLEX_CAMPAIGN } from '../../support/corrections-campaign';

/** The CM corrects the campaign's first three comments to troll; the fourth is the similar one. */
const CORRECTED = ZORBLEX_CAMPAIGN.slice(0, 3);
const SIMILAR = ZORBLEX_CAMPAIGN[3];
const UNRELATED = [
  'Bande de clowns, personne ne vous aime 🤡',
  'Merci pour la réponse rapide !',
  'je vais te buter',
  'Ma box est en panne depuis lundi',
];

const asTroll = (text: string) => ({ ...correctionFeatures(text), to: 'troll' as const });

describe('learning from corrections', () => {
  it('turns a similar comment the way the CM corrected three others', () => {
    expect(classify(SIMILAR).label).not.toBe('troll');
    const adjustment = learnAdjustment(loadModel(), CORRECTED.map(asTroll));
    const after = classify(SIMILAR, { adjustment });
    expect(after.label).toBe('troll');
    expect(after.cues).toContainEqual({ kind: 'your_corrections' });
  });

  it('leaves unrelated comments as they were', () => {
    const adjustment = learnAdjustment(loadModel(), CORRECTED.map(asTroll));
    for (const text of UNRELATED) expect(classify(text, { adjustment }).label).toBe(classify(text).label);
  });

  it('is bounded: every delta within ±MAX_DELTA, only the latest MAX_EXAMPLES corrections', () => {
    const many = Array.from({ length: MAX_EXAMPLES + 20 }, (_, i) => asTroll(`${CORRECTED[i % 3]} ${i}`));
    const { delta } = learnAdjustment(loadModel(), many);
    for (const d of delta.values()) for (const x of d) expect(Math.abs(x)).toBeLessThanOrEqual(MAX_DELTA);
    expect(learnAdjustment(loadModel(), []).delta.size).toBe(0);
  });

  it('still reads corrections stored by a release with a bigger hash table', () => {
    const model = loadModel();
    // The same features cut to twice as many buckets, as a model with one more hash bit stored them.
    const wider = CORRECTED.map(asTroll).map((ex, i) => ({
      ...ex,
      gram: ex.gram.map((b) => b | (((i + 1) % 2) * (model.mask + 1))),
    }));
    const adjustment = learnAdjustment(model, wider);
    expect(classify(SIMILAR, { adjustment }).label).toBe('troll');
    expect(heldOutAgreement(model, wider).adjustedAgrees).toBe(
      heldOutAgreement(model, CORRECTED.map(asTroll)).adjustedAgrees,
    );
  });

  it('measures agreement on corrections it did not learn from', () => {
    const texts = [...CORRECTED, SIMILAR, 'Encore un Zorblex 3 en panne chez nous #ZorblexGate'];
    const agreement = heldOutAgreement(loadModel(), texts.map(asTroll));
    expect(agreement.measured).toBe(5);
    expect(agreement.modelAgrees).toBe(texts.filter((t) => classify(t).label === 'troll').length);
    expect(agreement.modelAgrees).toBeLessThan(3);
    // Each is labelled by what was learned from the four others: more agree than with the model alone.
    expect(agreement.adjustedAgrees).toBeGreaterThanOrEqual(2);
    expect(agreement.adjustedAgrees).toBeGreaterThan(agreement.modelAgrees);
  });
});
