/**
 * The content script's world for the unit tests that run `main()` in jsdom: a stand-in for
 * `browser.runtime` that records what the script sends and answers as the service worker would (every
 * comment a threat, so each is badged and blurred), and can hold its verdicts back to make them late.
 * Each test file mocks 'webextension-polyfill' with `runtime` before importing src/content/main.
 */
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
export const popupListeners = new Set<unknown>();

/** Verdict batches held back while `holdVerdicts` is on, released in order by `releaseVerdicts`. */
const held: (() => void)[] = [];
let holding = false;

export const runtime = {
  id: 'desaffect' as string | undefined,
  async sendMessage(message: CsToBg): Promise<BgReplies[CsToBg['type']]> {
    sent.push(message);
    if (holding && message.type === 'cs→bg:comments-observed') {
      await new Promise<void>((release) => held.push(release));
    }
    return answer(message);
  },
  onMessage: {
    addListener: (listener: unknown) => popupListeners.add(listener),
    removeListener: (listener: unknown) => popupListeners.delete(listener),
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
}

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

export const sentOfType = (type: CsToBg['type']) => sent.filter((message) => message.type === type);
/** The keys of the badges on the page, in document order. */
export const badgeKeys = (root: ParentNode = document) =>
  Array.from(root.querySelectorAll('[data-desaffect-badge]'), (host) =>
    host.getAttribute('data-desaffect-badge'),
  );
export const shielded = (root: ParentNode = document) =>
  root.querySelectorAll('[data-desaffect-shielded]').length;

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
