/** The simulated CM of `npm run eval`: corrects only misread comments, then reads the later ones with what it taught. */
import { describe, expect, it } from 'vitest';
import { formatCorrectionRuns, simulateCorrections } from '../../../scripts/lib/correction-simulation';
import { classify, loadModel } from '../../../src/classifier/index';
import { ZORBLEX_CAMPAIGN } from '../../support/corrections-campaign';

const CAMPAIGN = [
  ...ZORBLEX_CAMPAIGN,
  'Zorblex 3 de mon voisin, batterie gonflée en une semaine #ZorblexGate',
  'Deuxième Zorblex 3 en panne ce mois-ci #ZorblexGate',
  'Mon Zorblex 3 ne charge plus depuis hier #ZorblexGate',
  'Zorblex 3 livré mardi, bloqué sur le logo #ZorblexGate',
];

describe('simulated corrections', () => {
  it('corrects nothing when the model already reads every comment as labelled', () => {
    const docs = [
      'Merci pour la réponse rapide !',
      'Ma box est en panne depuis lundi',
      'je vais te buter',
    ].map((text) => ({ text, label: classify(text).label }));
    const run = simulateCorrections(loadModel(), [...docs, ...docs]);
    expect(run.corrections).toBe(0);
    for (const c of run.later) expect(c.adjusted).toBe(c.alone);
  });

  it('reads later comments of a corrected campaign as the CM labelled the first ones', () => {
    const docs = CAMPAIGN.map((text) => ({ text, label: 'troll' as const }));
    expect(docs.filter((d) => classify(d.text).label === 'troll')).toHaveLength(0);
    const run = simulateCorrections(loadModel(), docs);
    expect(run.corrections).toBeGreaterThanOrEqual(2);
    expect(run.later).toHaveLength(4);
    const madeRight = run.later.filter((c) => c.alone !== 'troll' && c.adjusted === 'troll');
    expect(madeRight.length).toBeGreaterThanOrEqual(2);
    const line = formatCorrectionRuns('campaign fr', [run]);
    expect(line).toContain(`corrections ${String(run.corrections).padStart(4)}`);
    expect(line).toContain('acc 0.000 → ');
  });
});
