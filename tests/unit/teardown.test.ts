// @vitest-environment jsdom
// @vitest-environment-options {"url": "https://x.com/acme_fr/status/100"}
/**
 * The content script's teardown: one AbortController ends every listener, observer and timer it set up,
 * and takes its overlay (badges, shields) off the page. Each probe below makes the running script speak
 * first, so the silence after the abort means something. A hidden tab is quiet too.
 */
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { CommentVerdict, ContentSettings } from '../../src/content/messages';
import { xAdapter } from '../../src/content/platforms/x';
import type { BgReplies, CsToBg } from '../../src/messages';
import type { ObservedComment } from '../../src/shared/comment';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import { X_THREAD_CONTAINER, xConversationPage, xReplyCell } from '../support/fake-site/site-markup';

const sent: CsToBg[] = [];
type Listener = (message: unknown, sender: { id?: string }) => unknown;
const popupListeners = new Set<Listener>();
const runtime = {
  id: 'desaffect' as string | undefined,
  async sendMessage(message: CsToBg): Promise<BgReplies[CsToBg['type']]> {
    sent.push(message);
    if (message.type === 'cs→bg:comments-observed') {
      // As the service worker does: the verdicts first, then the news that they were stored.
      const keys = message.comments.map((c) => `${c.platform}:${c.id}`);
      setTimeout(() => {
        for (const listener of popupListeners)
          listener(
            { type: 'bg→cs:stored', sessionId: message.sessionId, keys, stored: true },
            { id: 'desaffect' },
          );
      }, 10);
    }
    return answer(message);
  },
  onMessage: {
    addListener: (listener: Listener) => popupListeners.add(listener),
    removeListener: (listener: Listener) => popupListeners.delete(listener),
  },
};
vi.mock('webextension-polyfill', () => ({ default: { runtime } }));

const { main } = await import('../../src/content/main');

const SETTINGS: ContentSettings = {
  ownHandles: { x: [], facebook: [] },
  shield: DEFAULT_SETTINGS.shield,
  brand: 'Acme',
  replyTemplates: {},
  language: 'en',
  strings: {},
};

/** Every comment is a threat, so every one is badged and blurred. */
function verdict(comment: ObservedComment): CommentVerdict {
  const scores = { troll: 0, unhappy_customer: 0, threat: 1, neutral: 0 };
  return {
    key: `${comment.platform}:${comment.id}`,
    classification: {
      label: 'threat',
      scores,
      intensity: 0.9,
      lang: 'fr',
      uncertain: false,
      cues: [],
      version: 'test',
    },
    tactics: [],
    revealed: false,
  };
}

function answer(message: CsToBg): BgReplies[CsToBg['type']] {
  if (message.type === 'cs→bg:settings') return SETTINGS;
  if (message.type === 'cs→bg:comments-observed') return { verdicts: message.comments.map(verdict) };
  return { ok: true };
}

const sentOfType = (type: CsToBg['type']) => sent.filter((message) => message.type === type).length;

/**
 * jsdom lays nothing out and has no resize observer: every element gets the same box, and the test keeps
 * count of the observers at work.
 */
const watching = new Set<object>();
class FakeResizeObserver {
  constructor() {
    watching.add(this);
  }
  observe() {}
  unobserve() {}
  disconnect() {
    watching.delete(this);
  }
}

/** The overlay's closed shadow root, caught as the content script creates it (a page could not). */
let overlayRoot: ShadowRoot | null = null;
const badges = () => overlayRoot?.querySelectorAll('button.badge').length ?? 0;
const shielded = () => overlayRoot?.querySelectorAll('.shield').length ?? 0;
const overlayInPage = () => overlayRoot?.host.isConnected ?? false;

let replies = 0;
function addReply(): void {
  replies += 1;
  const template = document.createElement('template');
  template.innerHTML = xReplyCell({
    id: String(1000 + replies),
    handle: `user_${replies}`,
    name: `User ${replies}`,
    text: `On sait où tu habites, réponse ${replies}`,
    time: '2026-11-25T08:00:00.000Z',
    lang: 'fr',
  });
  document.querySelector(X_THREAD_CONTAINER)?.append(template.content);
}

/** What a CM and the site do to a page: a new reply, a key press, the tab shown again, Back. */
async function poke(): Promise<void> {
  addReply();
  dispatchEvent(new KeyboardEvent('keydown'));
  document.dispatchEvent(new Event('visibilitychange'));
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
  vi.stubGlobal('ResizeObserver', FakeResizeObserver);
  watching.clear();
  const box = { left: 10, top: 10, right: 400, bottom: 60, width: 390, height: 50, x: 10, y: 10 };
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockReturnValue({ ...box, toJSON: () => box });
  vi.spyOn(document.documentElement, 'clientWidth', 'get').mockReturnValue(1_000);
  vi.spyOn(document.documentElement, 'clientHeight', 'get').mockReturnValue(800);
  document.elementFromPoint = () => null;
  const attachShadow = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init) {
    overlayRoot = attachShadow.call(this, init);
    return overlayRoot;
  });
  overlayRoot = null;
  sent.length = 0;
  replies = 0;
  runtime.id = 'desaffect';
  const page = xConversationPage({
    uiLang: 'fr',
    focal: {
      id: '100',
      handle: 'acme_fr',
      name: 'Acme',
      text: 'Nouveautés',
      time: '2026-11-25T07:00:00.000Z',
    },
    replies: [],
  });
  document.body.innerHTML = new DOMParser().parseFromString(page, 'text/html').body.innerHTML;
  addReply();
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
  expect(sentOfType('cs→bg:comments-observed')).toBe(2);
  expect(sent.slice(before).map((message) => message.type)).toEqual(
    expect.arrayContaining([
      'cs→bg:comments-observed',
      'cs→bg:settings',
      'cs→bg:page-status',
      'cs→bg:activity',
    ]),
  );
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
  document.dispatchEvent(new Event('visibilitychange'));
  await vi.advanceTimersByTimeAsync(1_000);
  reads.mockClear();
  const before = sent.length;
  addReply();
  await vi.advanceTimersByTimeAsync(60_000);
  expect(reads).not.toHaveBeenCalled();
  expect(watching.size).toBe(0);
  expect(vi.getTimerCount()).toBe(0);
  expect(sent.slice(before)).toEqual([]);

  visibility = 'visible';
  document.dispatchEvent(new Event('visibilitychange'));
  await vi.advanceTimersByTimeAsync(1_000);
  expect(reads).toHaveBeenCalled();
  expect(badges()).toBe(3);
  teardown.abort();
});
