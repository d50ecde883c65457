/** Learning from the CM's corrections: bounded, local to what was corrected, measured on held-out corrections. */
import { describe, expect, it } from 'vitest';
import {
  heldOutAgreement,
  learnAdjustment,
  MAX_DELTA,
  MAX_EXAMPLES,
} from '../../../src/classifier/adjustment';
import { classify, correctionFeatures, loadModel } from '../../../src/classifier/index';

/** Sarcastic customers of an invented product the shipped model does not take for customers. */
const CORRECTED = [
  'Zorblex 3 encore planté hier soir, bravo les génies 🤡',
  'Zorblex 3 planté deux fois cette semaine, bravo les génies 🤡',
  'Encore un Zorblex 3 qui plante au démarrage, bravo les génies 🤡',
];
const SIMILAR = 'Le Zorblex 3 plante dès le lancement, bravo les génies 🤡';
const UNRELATED = [
  'Bande de clowns, personne ne vous aime 🤡',
  'Merci pour la réponse rapide !',
  'je vais te buter',
];

const asCustomer = (text: string) => ({ ...correctionFeatures(text), to: 'unhappy_customer' as const });

describe('learning from corrections', () => {
  it('turns a similar comment the way the CM corrected three others', () => {
    expect(classify(SIMILAR).label).not.toBe('unhappy_customer');
    const adjustment = learnAdjustment(loadModel(), CORRECTED.map(asCustomer));
    const after = classify(SIMILAR, { adjustment });
    expect(after.label).toBe('unhappy_customer');
    expect(after.cues).toContainEqual({ kind: 'your_corrections' });
  });

  it('leaves unrelated comments as they were', () => {
    const adjustment = learnAdjustment(loadModel(), CORRECTED.map(asCustomer));
    for (const text of UNRELATED) expect(classify(text, { adjustment }).label).toBe(classify(text).label);
  });

  it('is bounded: every delta within ±MAX_DELTA, only the latest MAX_EXAMPLES corrections', () => {
    const many = Array.from({ length: MAX_EXAMPLES + 20 }, (_, i) => asCustomer(`${CORRECTED[i % 3]} ${i}`));
    const { delta } = learnAdjustment(loadModel(), many);
    for (const d of delta.values()) for (const x of d) expect(Math.abs(x)).toBeLessThanOrEqual(MAX_DELTA);
    expect(learnAdjustment(loadModel(), []).delta.size).toBe(0);
  });

  it('still reads corrections stored by a release with a bigger hash table', () => {
    const model = loadModel();
    // The same features cut to twice as many buckets, as a model with one more hash bit stored them.
    const wider = CORRECTED.map(asCustomer).map((ex, i) => ({
      ...ex,
      gram: ex.gram.map((b) => b | (((i + 1) % 2) * (model.mask + 1))),
    }));
    const adjustment = learnAdjustment(model, wider);
    expect(classify(SIMILAR, { adjustment }).label).toBe('unhappy_customer');
    expect(heldOutAgreement(model, wider).adjustedAgrees).toBe(
      heldOutAgreement(model, CORRECTED.map(asCustomer)).adjustedAgrees,
    );
  });

  it('measures agreement on corrections it did not learn from', () => {
    const texts = [...CORRECTED, SIMILAR, 'Zorblex 3 encore planté hier soir, bravo les génies 🤡'];
    const agreement = heldOutAgreement(loadModel(), texts.map(asCustomer));
    expect(agreement.measured).toBe(5);
    expect(agreement.modelAgrees).toBe(texts.filter((t) => classify(t).label === 'unhappy_customer').length);
    expect(agreement.modelAgrees).toBeLessThan(3);
    // Each is labelled by what was learned from the four others: more agree than with the model alone.
    expect(agreement.adjustedAgrees).toBeGreaterThanOrEqual(2);
    expect(agreement.adjustedAgrees).toBeGreaterThan(agreement.modelAgrees);
  });
});
