// @vitest-environment jsdom
// @vitest-environment-options {"url": "https://x.com/acme_fr/status/100"}
/**
 * The content script's teardown: one AbortController ends every listener, observer and timer it set up,
 * and takes its overlay (badges, shields) off the page. Each probe below makes the running script speak
 * first, so the silence after the abort means something. A hidden tab is quiet too.
 */
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { parsePageStatus } from '../../src/content/messages';
import { xAdapter } from '../../src/content/platforms/x';
import {
  addReply,
  badgeKeys,
  fakeLayout,
  fireAsBrowser,
  overlayInPage,
  popupListeners,
  resetRuntime,
  runtime,
  sent,
  sentOfType,
  shieldedKeys,
  showConversation,
  watching,
} from './content-script-harness';

vi.mock('webextension-polyfill', () => ({ default: { runtime } }));

const { main } = await import('../../src/content/main');

const badges = () => badgeKeys().length;
const shielded = () => shieldedKeys().length;

let replies = 0;
function addThreat(): void {
  replies += 1;
  addReply({
    id: String(1000 + replies),
    handle: `user_${replies}`,
    name: `User ${replies}`,
    text: `On sait où tu habites, réponse ${replies}`,
    time: '2026-11-25T08:00:00.000Z',
    lang: 'fr',
  });
}

/** What a CM and the site do to a page: a new reply, a key press, the tab shown again, Back. */
async function poke(): Promise<void> {
  addThreat();
  dispatchEvent(new KeyboardEvent('keydown'));
  for (const state of ['hidden', 'visible'] as const) {
    visibility = state;
    fireAsBrowser(document, 'visibilitychange');
  }
  dispatchEvent(new PopStateEvent('popstate'));
  // Past the observer's next flush, the status report and the activity report.
  await vi.advanceTimersByTimeAsync(60_000);
}

let visibility: DocumentVisibilityState = 'visible';

beforeEach(() => {
  vi.useFakeTimers();
  // jsdom's tab is never visible: the settings refresh and the activity reports need one that is.
  visibility = 'visible';
  vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => visibility);
  fakeLayout();
  resetRuntime();
  replies = 0;
  showConversation();
  addThreat();
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

it('aborting its teardown leaves no listener, observer or timer working, and the page as it was', async () => {
  const reads = vi.spyOn(xAdapter, 'extract');
  const teardown = new AbortController();
  await main(teardown);
  await vi.advanceTimersByTimeAsync(1_000);
  expect(popupListeners.size).toBe(1);

  // Running, the script answers every probe.
  const before = sent.length;
  reads.mockClear();
  await poke();
  expect(reads).toHaveBeenCalled();
  expect(sentOfType('cs→bg:comments-observed')).toHaveLength(2);
  expect(sent.slice(before).map((message) => message.type)).toEqual(
    expect.arrayContaining(['cs→bg:comments-observed', 'cs→bg:settings', 'cs→bg:activity']),
  );
  // The popup, through the service worker, asks what the page shows.
  const [listener] = popupListeners;
  const status = parsePageStatus(await listener?.({ type: 'bg→cs:page-status' }, { id: 'desaffect' }));
  expect(status).toMatchObject({ platform: 'x', postsVisible: 3, commentsRead: 3 });
  expect(badges()).toBe(3); // the focal post and two replies
  expect(shielded()).toBe(3);
  expect(watching.size).toBeGreaterThan(0);

  teardown.abort();
  expect(overlayInPage()).toBe(false);
  const drawnAtAbort = badges();
  expect(watching.size).toBe(0);
  expect(popupListeners.size).toBe(0);
  expect(vi.getTimerCount()).toBe(0);
  const atAbort = sent.length;
  reads.mockClear();
  await poke();
  expect(reads).not.toHaveBeenCalled();
  expect(sent.slice(atAbort)).toEqual([]);
  expect(badges()).toBe(drawnAtAbort);
});

it('tears itself down once the extension is reloaded or removed', async () => {
  await main();
  await vi.advanceTimersByTimeAsync(1_000);
  expect(badges()).toBe(2);

  runtime.id = undefined;
  await vi.advanceTimersByTimeAsync(3_000);
  expect(overlayInPage()).toBe(false);
  expect(popupListeners.size).toBe(0);
});

it('does no work while the tab is hidden, and reads what arrived meanwhile once it is shown', async () => {
  const reads = vi.spyOn(xAdapter, 'extract');
  const teardown = new AbortController();
  await main(teardown);
  await vi.advanceTimersByTimeAsync(1_000);
  expect(badges()).toBe(2);

  visibility = 'hidden';
  fireAsBrowser(document, 'visibilitychange');
  await vi.advanceTimersByTimeAsync(1_000);
  reads.mockClear();
  const before = sent.length;
  addThreat();
  await vi.advanceTimersByTimeAsync(60_000);
  expect(reads).not.toHaveBeenCalled();
  expect(watching.size).toBe(0);
  expect(vi.getTimerCount()).toBe(0);
  expect(sent.slice(before)).toEqual([]);

  visibility = 'visible';
  fireAsBrowser(document, 'visibilitychange');
  await vi.advanceTimersByTimeAsync(1_000);
  expect(reads).toHaveBeenCalled();
  expect(badges()).toBe(3);
  teardown.abort();
});
