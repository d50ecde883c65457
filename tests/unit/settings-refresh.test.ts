// @vitest-environment jsdom
// @vitest-environment-options {"url": "https://x.com/acme_fr/status/100"}
/**
 * The content script asks the service worker for the settings when the CM comes back to the tab: only
 * when the browser says the tab was shown (a page's fake events once cost a request each, and a flood
 * of them stalled the service worker for every tab), and one request at a time. What they say applies
 * to the badges already drawn.
 */
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { CATALOGS } from '../../src/shared/locale';
import {
  addReply,
  answerSettings,
  badgeWordsShown,
  fakeLayout,
  fireAsBrowser,
  resetRuntime,
  runtime,
  sentOfType,
  showConversation,
} from './content-script-harness';

vi.mock('webextension-polyfill', () => ({ default: { runtime } }));
const { main } = await import('../../src/content/main');

let visibility: DocumentVisibilityState = 'visible';
const settingsAsked = () => sentOfType('cs→bg:settings').length;

/** The CM goes to another tab and comes back, as the browser reports it. */
function leaveAndComeBack(): void {
  for (const state of ['hidden', 'visible'] as const) {
    visibility = state;
    fireAsBrowser(document, 'visibilitychange');
  }
}

beforeEach(() => {
  vi.useFakeTimers();
  visibility = 'visible';
  vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => visibility);
  fakeLayout();
  resetRuntime();
  showConversation();
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

it('asks nothing for the visibilitychange events a page dispatches, and asks when the CM comes back', async () => {
  const teardown = new AbortController();
  await main(teardown);
  await vi.advanceTimersByTimeAsync(1_000);
  const before = settingsAsked();
  for (let i = 0; i < 1_000; i++) document.dispatchEvent(new Event('visibilitychange'));
  leaveAndComeBack();
  await vi.advanceTimersByTimeAsync(1_000);
  expect(settingsAsked() - before).toBe(1);
  teardown.abort();
});

it('keeps one settings request on its way at a time, and asks once more after it', async () => {
  const teardown = new AbortController();
  await main(teardown);
  await vi.advanceTimersByTimeAsync(1_000);
  const before = settingsAsked();
  for (let i = 0; i < 5; i++) leaveAndComeBack();
  expect(settingsAsked() - before).toBe(1);
  await vi.advanceTimersByTimeAsync(1_000);
  // The returns during the first request may have come after the service worker read the settings.
  expect(settingsAsked() - before).toBe(2);
  teardown.abort();
});

it('draws the badges already drawn again in the language the CM chose meanwhile', async () => {
  answerSettings({ language: 'en', strings: CATALOGS.en });
  const teardown = new AbortController();
  await main(teardown);
  addReply({
    id: '1001',
    handle: 'someone',
    name: 'Someone',
    text: 'On sait où tu habites',
    time: '2026-11-25T08:00:00.000Z',
    lang: 'fr',
  });
  await vi.advanceTimersByTimeAsync(1_000);
  const threat = (language: 'en' | 'fr') => CATALOGS[language].labelThreat?.message ?? '?';
  expect(badgeWordsShown()).toHaveLength(2);
  expect(badgeWordsShown().every((words) => words.includes(threat('en')))).toBe(true);
  answerSettings({ language: 'fr', strings: CATALOGS.fr });
  leaveAndComeBack();
  await vi.advanceTimersByTimeAsync(1_000);
  expect(badgeWordsShown()).toHaveLength(2);
  expect(badgeWordsShown().every((words) => words.includes(threat('fr')))).toBe(true);
  teardown.abort();
});
