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
  badgeLabels,
  fakeLayout,
  holdVerdicts,
  releaseVerdicts,
  resetRuntime,
  runtime,
  sentOfType,
  shieldedKeys,
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
 * place.
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
  fakeLayout();
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
  vi.unstubAllGlobals();
});

it("takes the old post's badge and blur off a reused row at once, and draws the new one's as it reads it", async () => {
  expect(badgeKeys()).toEqual(['x:100', 'x:1001']);
  expect(shieldedKeys()).toEqual(['x:100', 'x:1001']);

  holdVerdicts();
  reuse(row, reply('1002', 'Vous ouvrez à quelle heure samedi ?'));
  await vi.advanceTimersByTimeAsync(1_000);
  // The new words never sit beside the old post's verdict: the row is badged from its own words at
  // once, before the service worker answers.
  expect(badgeLabels()).toEqual({ 'x:100': 'threat', 'x:1002': 'neutral' });
  expect(shieldedKeys()).toEqual(['x:100']);

  // The service worker's verdict (every comment a threat here) replaces it.
  releaseVerdicts();
  await vi.advanceTimersByTimeAsync(1_000);
  expect(badgeLabels()).toEqual({ 'x:100': 'threat', 'x:1002': 'threat' });
  expect(shieldedKeys()).toEqual(['x:100', 'x:1002']);
});

it('shields a threat from its own words before the service worker answers', async () => {
  holdVerdicts();
  addReply(reply('1006', 'Je vais venir te casser la gueule'));
  await vi.advanceTimersByTimeAsync(1_000);
  expect(judged()).toContain('1006:Je vais venir te casser la gueule');
  expect(badgeLabels()['x:1006']).toBe('threat');
  expect(shieldedKeys()).toContain('x:1006');
});

it('draws a late verdict only if its row still shows its post', async () => {
  holdVerdicts();
  const late = addReply(reply('1003', 'Première version'));
  await vi.advanceTimersByTimeAsync(1_000);
  expect(judged()).toContain('1003:Première version');
  expect(badgeLabels()['x:1003']).toBe('neutral');
  // X reuses the row, and the service worker's verdict on 1003 comes back after the row was read again.
  reuse(late, reply('1004', 'Vous ouvrez à quelle heure samedi ?'));
  releaseVerdicts({ holding: true });
  for (let i = 0; i < 10; i++) await Promise.resolve();
  // 1003's verdict (a threat) is not drawn on the row that now shows 1004; 1004's own reading is.
  expect(badgeLabels()['x:1003']).not.toBe('threat');
  expect(shieldedKeys()).toEqual(['x:100', 'x:1001']);
  await vi.advanceTimersByTimeAsync(1_000);
  expect(judged()).toContain('1004:Vous ouvrez à quelle heure samedi ?');
  expect(badgeLabels()).toEqual({ 'x:100': 'threat', 'x:1001': 'threat', 'x:1004': 'neutral' });
  expect(shieldedKeys()).toEqual(['x:100', 'x:1001']);
  releaseVerdicts();
  await vi.advanceTimersByTimeAsync(1_000);
  expect(badgeLabels()).toEqual({ 'x:100': 'threat', 'x:1001': 'threat', 'x:1004': 'threat' });
  expect(shieldedKeys()).toEqual(['x:100', 'x:1001', 'x:1004']);
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
  expect(badgeKeys()).toEqual(['x:100', 'x:1001']);
});

it('draws a late verdict once its row is read again and still shows its post', async () => {
  holdVerdicts();
  const late = addReply(reply('1005', 'Vous ouvrez à quelle heure samedi ?'));
  await vi.advanceTimersByTimeAsync(1_000);
  expect(badgeLabels()['x:1005']).toBe('neutral');
  // The site changes something in the row that is not the post (a counter), and the verdict comes back
  // before the row was read again: held back, then drawn once the read finds the same post.
  late.querySelector('article')?.append(document.createElement('span'));
  releaseVerdicts();
  for (let i = 0; i < 10; i++) await Promise.resolve();
  expect(badgeLabels()['x:1005']).toBe('neutral');
  await vi.advanceTimersByTimeAsync(1_000);
  expect(badgeLabels()['x:1005']).toBe('threat');
  expect(shieldedKeys()).toContain('x:1005');
});
