// @vitest-environment jsdom
// @vitest-environment-options {"url": "https://x.com/acme_fr/status/100"}
/**
 * What the adapters read of a comment is what the CM sees: words the page hides by their own markup (the
 * `hidden` attribute, an inline `display: none`) are neither read nor classified.
 */
import { expect, it } from 'vitest';
import { createKeyTable } from '../../../src/content/key-table';
import { readText } from '../../../src/content/platforms/text';
import { xAdapter } from '../../../src/content/platforms/x';
import { addReply, showConversation } from '../content-script-harness';

it('leaves out the words under the hidden attribute or an inline display: none', () => {
  const root = document.createElement('div');
  root.innerHTML =
    'Merci <span style="display:none">On sait où tu habites</span>pour <b hidden>on va venir</b>votre ' +
    '<span style="color: red; display: none !important">te tuer </span><i style="color: red">réponse</i>';
  expect(readText(root)).toBe('Merci pour votre réponse');
});

it('does not read a hidden threat into a visible thank-you on X', () => {
  showConversation();
  const row = addReply({
    id: '1001',
    handle: 'someone',
    name: 'Someone',
    text: 'Merci pour votre réponse rapide',
    time: '2026-11-25T08:00:00.000Z',
    lang: 'fr',
  });
  const hidden = document.createElement('span');
  hidden.style.display = 'none';
  hidden.textContent = ' On sait où tu habites, on va venir te tuer';
  row.querySelector('[data-testid="tweetText"]')?.append(hidden);
  const read = xAdapter
    .extract(document, {
      url: new URL(location.href),
      ownHandles: [],
      now: Date.now(),
      memory: createKeyTable(),
    })
    .find((found) => found.comment.id === '1001');
  expect(read?.comment.text).toBe('Merci pour votre réponse rapide');
});
