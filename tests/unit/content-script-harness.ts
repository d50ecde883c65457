/**
 * The content script's world for the unit tests that run `main()` in jsdom: a stand-in for
 * `browser.runtime` that records what the script sends and answers as the service worker would (every
 * comment a threat, so each is badged and shielded, then the news that it was stored), and can hold its
 * verdicts back to make them late; and what jsdom lacks for the overlay (boxes, a resize observer), with
 * the overlay's closed shadow root caught as the script creates it (a page could not).
 * Each test file mocks 'webextension-polyfill' with `runtime` before importing src/content/main.
 */
import { createRequire } from 'node:module';
import { vi } from 'vitest';
import type { CommentVerdict, ContentSettings } from '../../src/content/messages';
import type { BgReplies, CsToBg } from '../../src/messages';
import type { ObservedComment } from '../../src/shared/comment';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import {
  X_THREAD_CONTAINER,
  type XPost,
  xConversationPage,
  xReplyCell,
} from '../support/fake-site/site-markup';

export const sent: CsToBg[] = [];
type Listener = (message: unknown, sender: { id?: string }) => unknown;
export const popupListeners = new Set<Listener>();

/** As the service worker does: the verdicts first, then the news that they were stored. */
function tellStored(message: Extract<CsToBg, { type: 'cs→bg:comments-observed' }>): void {
  const keys = message.comments.map((c) => `${c.platform}:${c.id}`);
  setTimeout(() => {
    for (const listener of popupListeners)
      listener(
        { type: 'bg→cs:stored', sessionId: message.sessionId, keys, stored: true },
        { id: 'desaffect' },
      );
  }, 10);
}

/** Verdict batches held back while `holdVerdicts` is on, released in order by `releaseVerdicts`. */
const held: (() => void)[] = [];
let holding = false;

export const runtime = {
  id: 'desaffect' as string | undefined,
  async sendMessage(message: CsToBg): Promise<BgReplies[CsToBg['type']]> {
    sent.push(message);
    if (message.type === 'cs→bg:comments-observed') {
      if (holding) await new Promise<void>((release) => held.push(release));
      tellStored(message);
    }
    return answer(message);
  },
  onMessage: {
    addListener: (listener: Listener) => popupListeners.add(listener),
    removeListener: (listener: Listener) => popupListeners.delete(listener),
  },
  /** The content script's port (src/content/port.ts): each request answered as sendMessage answers it. */
  connect() {
    const frameListeners = new Set<(frame: unknown) => void>();
    let open = true;
    return {
      name: 'desaffect:page',
      onMessage: { addListener: (listener: (frame: unknown) => void) => frameListeners.add(listener) },
      onDisconnect: { addListener: () => undefined },
      postMessage(frame: { id: number; message: CsToBg }) {
        void runtime.sendMessage(frame.message).then((reply) => {
          if (open) for (const listener of frameListeners) listener({ id: frame.id, reply });
        });
      },
      disconnect() {
        open = false;
      },
    };
  },
};

export function holdVerdicts(): void {
  holding = true;
}

/** Lets the batches held so far through, oldest first; `holding` says whether later ones are held too. */
export function releaseVerdicts({ holding: keep = false } = {}): void {
  holding = keep;
  for (const release of held.splice(0)) release();
}

export function resetRuntime(): void {
  sent.length = 0;
  runtime.id = 'desaffect';
  releaseVerdicts();
  settingsNow = SETTINGS;
}

/** What the service worker answers for the settings from now on (the CM edited them in the dashboard). */
export function answerSettings(changes: Partial<ContentSettings>): void {
  settingsNow = { ...SETTINGS, ...changes };
}

const SETTINGS: ContentSettings = {
  ownHandles: { x: [], facebook: [] },
  shield: DEFAULT_SETTINGS.shield,
  brand: 'Acme',
  tone: 'vous',
  ownReplies: [],
  language: 'en',
  strings: {},
};
let settingsNow = SETTINGS;

/**
 * Every comment is a threat, so every one is badged and blurred once the service worker has answered
 * (before that, the content script draws its own reading of the words).
 */
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
  if (message.type === 'cs→bg:settings') return settingsNow;
  if (message.type === 'cs→bg:comments-observed') return { verdicts: message.comments.map(verdict) };
  return { ok: true };
}

/** jsdom's own modules, for what its public API cannot do (pinned with jsdom's version in package.json). */
const jsdomModule = createRequire(import.meta.url);
const { fireAnEvent } = jsdomModule('jsdom/lib/jsdom/living/helpers/events.js') as {
  fireAnEvent(type: string, target: unknown): boolean;
};
const { implForWrapper } = jsdomModule('jsdom/lib/generated/idl/utils.js') as {
  implForWrapper(wrapper: EventTarget): unknown;
};

/**
 * Fires `type` at `target` as the browser does: trusted, which an event a page script dispatches never
 * is. The content script acts on the browser's own `visibilitychange` only.
 */
export function fireAsBrowser(target: EventTarget, type: string): void {
  fireAnEvent(type, implForWrapper(target));
}

export const sentOfType = (type: CsToBg['type']) => sent.filter((message) => message.type === type);
/** The resize observers at work. */
export const watching = new Set<object>();
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

let overlayRoot: ShadowRoot | null = null;

/**
 * jsdom lays nothing out and has no resize observer: every element gets the same box, inside an
 * 1,000 × 800 window, and the test keeps count of the observers at work. Call in `beforeEach`; undone by
 * `vi.restoreAllMocks()` and `vi.unstubAllGlobals()`.
 */
export function fakeLayout(): void {
  vi.stubGlobal('ResizeObserver', FakeResizeObserver);
  watching.clear();
  const box = { left: 10, top: 10, right: 400, bottom: 60, width: 390, height: 50, x: 10, y: 10 };
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockReturnValue({ ...box, toJSON: () => box });
  vi.spyOn(document.documentElement, 'clientWidth', 'get').mockReturnValue(1_000);
  vi.spyOn(document.documentElement, 'clientHeight', 'get').mockReturnValue(800);
  // Nothing in front of the page (jsdom does no hit-testing).
  document.elementsFromPoint = () => [];
  const attachShadow = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init) {
    overlayRoot = attachShadow.call(this, init);
    return overlayRoot;
  });
  overlayRoot = null;
}

/** The keys of what the overlay draws (`selector`), sorted: in jsdom, every comment has the same box. */
const drawnKeys = (selector: string) =>
  Array.from(
    overlayRoot?.querySelectorAll<HTMLElement>(selector) ?? [],
    (node) => node.dataset.key ?? '',
  ).sort();
/** The keys of the comments the overlay badges. */
export const badgeKeys = () => drawnKeys('button.badge[data-key]');
/** The label each badge shows, by comment key. */
export const badgeLabels = () =>
  Object.fromEntries(
    Array.from(overlayRoot?.querySelectorAll<HTMLElement>('button.badge[data-key]') ?? [], (badge) => [
      badge.dataset.key ?? '',
      badge.dataset.label ?? '',
    ]),
  );
/** The words each badge shows (drawn by the stylesheet from its attributes). */
export const badgeWordsShown = () =>
  Array.from(
    overlayRoot?.querySelectorAll<HTMLElement>('button.badge[data-key]') ?? [],
    (badge) => badge.dataset.words ?? '',
  );
/** The keys of the comments the overlay shields. */
export const shieldedKeys = () => drawnKeys('.shield[data-key]');
export const overlayInPage = () => overlayRoot?.host.isConnected ?? false;

/** The page at https://x.com/acme_fr/status/100: the brand's post, no reply yet. */
export function showConversation(): void {
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
}

/** Adds a reply at the end of the conversation; returns its row. */
export function addReply(post: XPost): Element {
  const template = document.createElement('template');
  template.innerHTML = xReplyCell(post, 'fr');
  const row = template.content.firstElementChild as Element;
  document.querySelector(X_THREAD_CONTAINER)?.append(row);
  return row;
}
