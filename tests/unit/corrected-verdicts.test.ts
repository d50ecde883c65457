/**
 * A label the CM corrected stays theirs when the comment comes back: in another tab, with its "see more"
 * opened (a longer text the classifier reads again), both in what the service worker answers the tab and
 * in what it stores.
 */
import 'fake-indexeddb/auto';
import { afterEach, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({
  default: {
    i18n: { getUILanguage: () => 'fr-FR' },
    tabs: { sendMessage: async () => undefined },
    storage: { session: { get: async () => ({}), set: async () => undefined } },
  },
}));

const { commentHandlers } = await import('../../src/background/handlers/comments');
const { correctionCsHandlers } = await import('../../src/background/handlers/corrections');
const { openDb } = await import('../../src/storage/db');

const SHORT = 'Espèce de clown, vous êtes des incapables';
const LONG = `${SHORT}, bande de nuls, je vous déteste tous`;
const comment = (text: string) => ({
  platform: 'x' as const,
  id: '42',
  threadKey: 'thread-1',
  authorHandle: 'someone',
  authorName: 'Someone',
  text,
  createdAt: null,
  createdAtPrecision: null,
  permalink: null,
  isReply: true,
  isOwn: false,
});

let db: ReturnType<typeof openDb> | undefined;
afterEach(async () => {
  await db?.delete();
});

it("answers and keeps the CM's label for a comment seen again, longer, in another tab", async () => {
  db = openDb(`corrected-${Math.random()}`);
  const context = { db, now: Date.now, health: { fullSince: null } };
  const observed = commentHandlers(context)['cs→bg:comments-observed'];
  const stored = (text: string) =>
    vi.waitFor(async () => expect((await db?.comments.get('x:42'))?.text).toBe(text), { interval: 10 });

  const first = await observed(
    { type: 'cs→bg:comments-observed', sessionId: 'tab-1', comments: [comment(SHORT)] },
    { id: 1, windowId: 1 },
  );
  expect(first.verdicts[0]?.classification.label).toBe('troll');
  await stored(SHORT);
  const corrected = await correctionCsHandlers(context)['cs→bg:correct-label'](
    {
      type: 'cs→bg:correct-label',
      commentKey: 'x:42',
      to: 'neutral',
      text: SHORT,
    },
    { id: 1, windowId: 1 },
  );
  expect(corrected.ok).toBe(true);

  const again = await observed(
    { type: 'cs→bg:comments-observed', sessionId: 'tab-2', comments: [comment(LONG)] },
    { id: 2, windowId: 1 },
  );
  const verdict = again.verdicts[0]?.classification;
  expect(verdict?.label).toBe('neutral');
  expect(verdict?.cues[0]).toEqual({ kind: 'your_corrections' });
  await stored(LONG);
  const row = await db.comments.get('x:42');
  expect(row).toMatchObject({ label: 'neutral', uncertain: false, timesSeen: 2 });
  expect(row?.cues[0]).toEqual({ kind: 'your_corrections' });
});
