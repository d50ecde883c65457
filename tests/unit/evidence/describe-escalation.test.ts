/** What the card and the popup say after an escalation: the record, then its screenshot or how to get one. */
import { describe, expect, it } from 'vitest';
import { CATALOGS, formatMessage } from '../../../src/shared/locale';
import { type CaptureOutcome, describeEscalation } from '../../../src/tactics/messages';

const OUTCOMES: CaptureOutcome[] = ['captured', 'not_allowed', 'tab_not_in_front', 'not_on_page'];

describe('describing an escalation', () => {
  it('has words for every outcome, in French and English', () => {
    for (const lang of ['fr', 'en'] as const)
      for (const capture of OUTCOMES)
        for (const updated of [false, true])
          for (const hasScreenshot of [capture === 'captured', true]) {
            const said = describeEscalation({ evidenceId: 1, updated, capture, hasScreenshot }, (key) =>
              formatMessage(CATALOGS[lang], key),
            );
            expect(said).not.toMatch(/card[A-Z]/);
          }
  });

  it('tells the CM the browser’s rule and the toolbar’s path when it refused the screenshot', () => {
    const say = (key: string) => formatMessage(CATALOGS.fr, key);
    expect(
      describeEscalation(
        { evidenceId: 1, updated: false, capture: 'not_allowed', hasScreenshot: false },
        say,
      ),
    ).toBe(
      'Preuve gardée (texte, auteur, heure)\u00a0: retrouvez-la dans le tableau de bord. Sans capture\u00a0: le navigateur n’en autorise une qu’après un clic sur le bouton de Desaffect dans la barre d’outils, sur cet onglet. Cliquez dessus, puis recommencez depuis sa liste ou d’ici\u00a0: la même preuve recevra la capture.',
    );
  });

  it('says the record was updated, not doubled, and which screenshot it has', () => {
    const say = (key: string) => formatMessage(CATALOGS.en, key);
    expect(
      describeEscalation({ evidenceId: 1, updated: true, capture: 'captured', hasScreenshot: true }, say),
    ).toBe(
      'This comment already had an evidence record: it is now up to date (still one record, in the dashboard). With a screenshot of the comment.',
    );
    expect(
      describeEscalation({ evidenceId: 1, updated: true, capture: 'not_on_page', hasScreenshot: true }, say),
    ).toBe(
      'This comment already had an evidence record: it is now up to date (still one record, in the dashboard). The earlier screenshot is kept.',
    );
  });
});
