// @vitest-environment jsdom
// @vitest-environment-options {"url": "https://x.com/acme_fr/status/100"}
/**
 * The content script's teardown: one AbortController ends every listener, observer and timer it set up,
 * and takes its badges and shields off the page. Each probe below makes the running script speak first,
 * so the silence after the abort means something.
 */
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { CommentVerdict, ContentSettings } from '../../src/content/messages';
import { xAdapter } from '../../src/content/platforms/x';
import type { BgReplies, CsToBg } from '../../src/messages';
import type { ObservedComment } from '../../src/shared/comment';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import { X_THREAD_CONTAINER, xConversationPage, xReplyCell } from '../support/fake-site/site-markup';

const sent: CsToBg[] = [];
const popupListeners = new Set<unknown>();
const runtime = {
  id: 'desaffect' as string | undefined,
  async sendMessage(message: CsToBg): Promise<BgReplies[CsToBg['type']]> {
    sent.push(message);
    return answer(message);
  },
  onMessage: {
    addListener: (listener: unknown) => popupListeners.add(listener),
    removeListener: (listener: unknown) => popupListeners.delete(listener),
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
const badges = () => document.querySelectorAll('[data-desaffect-badge]').length;
const shielded = () => document.querySelectorAll('[data-desaffect-shielded]').length;

let replies = 0;
function addReply(): void {
  replies += 1;
  const template = document.createElement('template');
  template.innerHTML = xReplyCell(
    {
      id: String(1000 + replies),
      handle: `user_${replies}`,
      name: `User ${replies}`,
      text: `On sait où tu habites, réponse ${replies}`,
      time: '2026-11-25T08:00:00.000Z',
      lang: 'fr',
    },
    'fr',
  );
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

beforeEach(() => {
  vi.useFakeTimers();
  // jsdom's tab is never visible: the settings refresh and the activity reports need one that is.
  vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('visible');
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

  teardown.abort();
  expect(badges()).toBe(0);
  expect(shielded()).toBe(0);
  expect(popupListeners.size).toBe(0);
  const atAbort = sent.length;
  reads.mockClear();
  await poke();
  expect(reads).not.toHaveBeenCalled();
  expect(sent.slice(atAbort)).toEqual([]);
  expect(badges()).toBe(0);
});

it('tears itself down once the extension is reloaded or removed', async () => {
  await main();
  await vi.advanceTimersByTimeAsync(1_000);
  expect(badges()).toBe(2);

  runtime.id = undefined;
  await vi.advanceTimersByTimeAsync(3_000);
  expect(badges()).toBe(0);
  expect(shielded()).toBe(0);
  expect(popupListeners.size).toBe(0);
});
