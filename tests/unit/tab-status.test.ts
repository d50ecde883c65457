/**
 * The popup's view of a tab: the service worker asks the tab's page what it shows when the popup asks
 * (the page no longer counts its posts on a timer), and falls back on what the page last said when the
 * page does not answer, or answers with something that is not a status.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { PageStatus } from '../../src/content/messages';

const session = new Map<string, unknown>();
const sendMessage = vi.fn<(tabId: number, message: unknown, options: unknown) => Promise<unknown>>();

vi.mock('webextension-polyfill', () => ({
  default: {
    storage: {
      session: {
        get: async (key: string) => (session.has(key) ? { [key]: structuredClone(session.get(key)) } : {}),
        set: async (items: Record<string, unknown>) => {
          for (const [key, value] of Object.entries(items)) session.set(key, structuredClone(value));
        },
      },
    },
    tabs: { sendMessage },
  },
}));

const { tabHandlers } = await import('../../src/background/handlers/tab');
const { recordStatus, updateTabState } = await import('../../src/background/tab-state');
const { openDb } = await import('../../src/storage/db');

const TAB = 7;
const NOW = 1_780_000_000_000;

function status(change: Partial<PageStatus> = {}): PageStatus {
  return {
    platform: 'x',
    url: 'https://x.com/acme_fr/status/1',
    postsVisible: 3,
    commentsRead: 2,
    since: NOW - 60_000,
    withheld: { places: 0, replies: 0, mostRelevantOnly: false },
    ...change,
  };
}

let db: ReturnType<typeof openDb>;
const askPopupView = () =>
  tabHandlers({ db, now: () => NOW, health: { fullSince: null } })['ui→bg:tab-comments']({
    type: 'ui→bg:tab-comments',
    tabId: TAB,
  });

beforeEach(async () => {
  session.clear();
  sendMessage.mockReset();
  db = openDb(`tab-status-${Math.random()}`);
  // What the page said when it was last shown, and a comment the tab reported.
  await recordStatus(TAB, status({ postsVisible: 3, commentsRead: 2 }), NOW - 10_000);
  await updateTabState(TAB, (state) => ({ ...state, keys: ['x:1'] }));
});

afterEach(async () => {
  vi.useRealTimers();
  await db.delete();
});

it("asks the tab's page what it shows now, in its top frame only", async () => {
  sendMessage.mockResolvedValue(status({ postsVisible: 40, commentsRead: 38 }));
  const view = await askPopupView();
  expect(sendMessage).toHaveBeenCalledWith(TAB, { type: 'bg→cs:page-status' }, { frameId: 0 });
  expect(view.status).toEqual({ ...status({ postsVisible: 40, commentsRead: 38 }), updatedAt: NOW });
});

it('keeps what the page last said when the page has no Desaffect, or answers with something else', async () => {
  sendMessage.mockRejectedValueOnce(
    new Error('Could not establish connection. Receiving end does not exist.'),
  );
  expect((await askPopupView()).status).toMatchObject({ postsVisible: 3, updatedAt: NOW - 10_000 });
  sendMessage.mockResolvedValueOnce({ postsVisible: 'all of them' });
  expect((await askPopupView()).status).toMatchObject({ postsVisible: 3, updatedAt: NOW - 10_000 });
});

it('does not keep the popup waiting for a page that does not answer', async () => {
  vi.useFakeTimers();
  sendMessage.mockReturnValue(new Promise(() => undefined));
  const view = askPopupView();
  await vi.advanceTimersByTimeAsync(1_000);
  expect((await view).status).toMatchObject({ postsVisible: 3, updatedAt: NOW - 10_000 });
});

it('a page the tab navigated to starts a new list of comments', async () => {
  sendMessage.mockResolvedValue(status({ url: 'https://x.com/acme_fr/status/2' }));
  await askPopupView();
  const stored = session.get(`tab:${TAB}`) as { keys: string[]; status: PageStatus };
  expect(stored.status.url).toBe('https://x.com/acme_fr/status/2');
  expect(stored.keys).toEqual([]);
});
