// @vitest-environment jsdom
// @vitest-environment-options {"url": "https://x.com/acme_fr/status/100"}
/**
 * X reuses a list row for another post while the CM scrolls. A badge must always sit beside the words it
 * judges: the old post's badge and blur leave the row as soon as it shows another post, a verdict that
 * arrives late is drawn only if its row still shows its post, and a row whose words change is judged
 * again.
 */
import { afterEach, beforeEach, expect, it, vi } from 'vitest';

// Hoisted by vitest above the imports: main() then talks to the harness's runtime.
vi.mock('webextension-polyfill', () => ({ default: { runtime } }));

import type { CsToBg } from '../../src/messages';
import { type XPost, xTweetArticle } from '../support/fake-site/site-markup';
import {
  addReply,
  badgeKeys,
  holdVerdicts,
  releaseVerdicts,
  resetRuntime,
  runtime,
  sentOfType,
  shielded,
  showConversation,
} from './content-script-harness';

const { main } = await import('../../src/content/main');

const reply = (id: string, text: string): XPost => ({
  id,
  handle: `user_${id}`,
  name: `User ${id}`,
  text,
  time: '2026-11-25T08:00:00.000Z',
});

function element(html: string): Element {
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.content.firstElementChild as Element;
}

/**
 * X reuses `row` for another post as React does: the same elements, their texts and links changed in
 * place (what Desaffect added to the row stays unless Desaffect takes it off).
 */
function reuse(row: Element, post: XPost): void {
  const article = row.querySelector('article') as Element;
  const fresh = element(xTweetArticle(post, 'fr'));
  for (const selector of ['div[data-testid="User-Name"] a', 'a[href*="/status/"]', 'time']) {
    const now = Array.from(fresh.querySelectorAll(selector));
    article.querySelectorAll(selector).forEach((old, i) => {
      for (const name of ['href', 'datetime']) {
        const value = now[i]?.getAttribute(name);
        if (value) old.setAttribute(name, value);
      }
    });
  }
  const texts = (root: Element) =>
    Array.from(root.querySelectorAll('div[data-testid="User-Name"] span, div[data-testid="tweetText"] span'));
  const newTexts = texts(fresh);
  texts(article).forEach((old, i) => {
    old.textContent = newTexts[i]?.textContent ?? '';
  });
}

/** The texts sent to be judged, in order. */
const judged = () =>
  sentOfType('cs→bg:comments-observed').flatMap((message) =>
    (message as Extract<CsToBg, { type: 'cs→bg:comments-observed' }>).comments.map(
      (c) => `${c.id}:${c.text}`,
    ),
  );

let teardown: AbortController;
let row: Element;

beforeEach(async () => {
  vi.useFakeTimers();
  resetRuntime();
  showConversation();
  row = addReply(reply('1001', 'On sait où tu habites'));
  teardown = new AbortController();
  await main(teardown);
  await vi.advanceTimersByTimeAsync(1_000);
});

afterEach(() => {
  teardown.abort();
  releaseVerdicts();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

it("takes the old post's badge and blur off a reused row at once, and draws the new one when judged", async () => {
  expect(badgeKeys(row)).toEqual(['x:1001']);
  expect(shielded(row)).toBe(1);

  holdVerdicts();
  reuse(row, reply('1002', 'Je vais venir vous attendre'));
  await vi.advanceTimersByTimeAsync(1_000);
  // Judged or not yet, the new words never sit beside the old post's verdict.
  expect(badgeKeys(row)).toEqual([]);
  expect(shielded(row)).toBe(0);

  releaseVerdicts();
  await vi.advanceTimersByTimeAsync(1_000);
  expect(badgeKeys(row)).toEqual(['x:1002']);
  expect(shielded(row)).toBe(1);
});

it('draws a late verdict only if its row still shows its post', async () => {
  holdVerdicts();
  const late = addReply(reply('1003', 'Première version'));
  await vi.advanceTimersByTimeAsync(1_000);
  expect(judged()).toContain('1003:Première version');
  // X reuses the row, and the verdict on 1003 comes back before the row was read again.
  reuse(late, reply('1004', 'Un tout autre message'));
  releaseVerdicts({ holding: true });
  for (let i = 0; i < 10; i++) await Promise.resolve();
  expect(badgeKeys(late)).toEqual([]);
  // Once read, the row is 1004's: 1003's verdict is not drawn there, 1004's is when it comes.
  await vi.advanceTimersByTimeAsync(1_000);
  expect(judged()).toContain('1004:Un tout autre message');
  expect(badgeKeys(late)).toEqual([]);
  releaseVerdicts();
  await vi.advanceTimersByTimeAsync(1_000);
  expect(badgeKeys(late)).toEqual(['x:1004']);
});

it('judges a row again when its words change under the same post', async () => {
  const text = row.querySelector('div[data-testid="tweetText"] span') as Element;
  text.textContent = 'On sait où tu habites, et où tu travailles';
  await vi.advanceTimersByTimeAsync(1_000);
  expect(judged()).toEqual([
    '100:Nouveautés',
    '1001:On sait où tu habites',
    '1001:On sait où tu habites, et où tu travailles',
  ]);
  expect(badgeKeys(row)).toEqual(['x:1001']);
});
