import 'fake-indexeddb/auto';
import * as v from 'valibot';
import { afterEach, describe, expect, it } from 'vitest';
import type { Classification, ObservedComment } from '../../../src/shared/comment';
import { openDb } from '../../../src/storage/db';
import { ingest, type Observation } from '../../../src/storage/ingest';
import { commentRowSchema, SCHEMA_VERSION } from '../../../src/storage/schema';
import { fullCorrection } from './full-rows';

const troll: Classification = {
  label: 'troll',
  scores: { troll: 0.8, unhappy_customer: 0.1, threat: 0.05, neutral: 0.05 },
  intensity: 0.7,
  lang: 'fr',
  uncertain: false,
  cues: [{ kind: 'insult', quote: 'clown' }],
  version: '2+000000000000',
};

function comment(id: string, text = `texte ${id}`): ObservedComment {
  return {
    platform: 'x',
    id,
    threadKey: '1',
    authorHandle: 'someone',
    authorName: 'Someone',
    text,
    createdAt: null,
    createdAtPrecision: null,
    permalink: `https://x.com/someone/status/${id}`,
    isReply: true,
    isOwn: false,
  };
}

const observe = (id: string, sessionId = 'session-a', text?: string, keepText = true): Observation => ({
  comment: comment(id, text),
  classification: troll,
  sessionId,
  keepText,
});

let current: ReturnType<typeof openDb> | undefined;
const freshDb = () => {
  current = openDb(`ingest-${Math.random()}`);
  return current;
};

afterEach(async () => {
  await current?.delete();
});

describe('ingest', () => {
  it('writes one row per comment, keyed by platform and id, on the local day', async () => {
    const db = freshDb();
    const now = Date.UTC(2026, 10, 25, 23, 30);
    await ingest(db, [observe('1'), observe('2')], { now, timeZone: 'Europe/Paris' });
    const rows = await db.comments.toArray();
    expect(rows.map((r) => r.key).sort()).toEqual(['x:1', 'x:2']);
    // 23:30 UTC is already the next day in Paris.
    expect(rows[0]?.day).toBe('2026-11-26');
    expect(rows[0]?.label).toBe('troll');
    expect(rows[0]?.timesSeen).toBe(1);
    expect(rows[0]?.cues).toEqual(troll.cues);
    expect(rows[0]?.version).toBe(troll.version);
  });

  it('does not count a retried batch or a duplicate within one page session twice', async () => {
    const db = freshDb();
    await ingest(db, [observe('1'), observe('1')], { now: 1 });
    await ingest(db, [observe('1')], { now: 2 });
    const rows = await db.comments.toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.timesSeen).toBe(1);
    expect(rows[0]?.lastSeen).toBe(2);
  });

  it('counts a sighting in another page session, keeping the first sight', async () => {
    const db = freshDb();
    await ingest(db, [observe('1', 'session-a')], { now: 1 });
    await ingest(db, [observe('1', 'session-b')], { now: 5 });
    const row = await db.comments.get('x:1');
    expect(row?.timesSeen).toBe(2);
    expect(row?.firstSeen).toBe(1);
  });

  it("does not count a tab's report twice when it resends it after another tab saw the comment", async () => {
    const db = freshDb();
    // Tab A's report was written, but the service worker restarted before telling it: A resends it.
    for (const sessionId of ['tab-a', 'tab-b', 'tab-a'])
      await ingest(db, [observe('1', sessionId)], { now: 1 });
    expect((await db.comments.get('x:1'))?.timesSeen).toBe(2);
    for (const sessionId of ['tab-c', 'tab-d', 'tab-e', 'tab-f', 'tab-g'])
      await ingest(db, [observe('1', sessionId)], { now: 2 });
    const row = await db.comments.get('x:1');
    expect(row?.timesSeen).toBe(7);
    // A bounded memory: the last session and the four before it.
    expect(row?.earlierSessionIds).toEqual(['tab-f', 'tab-e', 'tab-d', 'tab-c']);
  });

  it('keeps the longer text when a comment is expanded', async () => {
    const db = freshDb();
    await ingest(db, [observe('1', 'a', 'court')], { now: 1 });
    await ingest(db, [observe('1', 'a', 'court, et la suite du texte')], { now: 2 });
    expect((await db.comments.get('x:1'))?.text).toBe('court, et la suite du texte');
  });

  it('keeps the label the CM gave a comment and its cue when the comment comes back expanded', async () => {
    const db = freshDb();
    await ingest(db, [observe('1', 'a', 'court'), observe('2', 'a', 'court')], { now: 1 });
    // The CM said the first is not a troll, as the correction handler records it.
    await db.corrections.put({ ...fullCorrection('x:1', 2, '2026-11-25'), from: 'troll', to: 'neutral' });
    const cues = [{ kind: 'your_corrections' as const }, ...troll.cues];
    await db.comments.update('x:1', { label: 'neutral', uncertain: false, cues });
    const expanded = { ...troll, label: 'threat' as const, cues: [{ kind: 'threat' as const }] };
    await ingest(
      db,
      ['1', '2'].map((id) => ({
        ...observe(id, 'b', 'court, et la suite du texte'),
        classification: expanded,
      })),
      { now: 3 },
    );
    expect(await db.comments.get('x:1')).toMatchObject({
      text: 'court, et la suite du texte',
      label: 'neutral',
      uncertain: false,
      cues,
      timesSeen: 2,
    });
    // Not corrected: the longer text's classification.
    expect(await db.comments.get('x:2')).toMatchObject({ label: 'threat', cues: expanded.cues });
  });

  it("gives the CM's label to a comment they corrected that is logged again after it was purged", async () => {
    const db = freshDb();
    await db.corrections.put({ ...fullCorrection('x:1', 2, '2026-11-25'), from: 'troll', to: 'neutral' });
    await ingest(db, [observe('1')], { now: 3 });
    expect(await db.comments.get('x:1')).toMatchObject({
      label: 'neutral',
      uncertain: false,
      cues: [{ kind: 'your_corrections' }, ...troll.cues],
    });
  });

  it('says which comments the CM had already revealed, and keeps the reveal', async () => {
    const db = freshDb();
    expect(await ingest(db, [observe('1'), observe('2')], { now: 1 })).toEqual([]);
    await db.comments.update('x:2', { revealedAt: 3 });
    expect(await ingest(db, [observe('1'), observe('2', 'session-b'), observe('3')], { now: 5 })).toEqual([
      'x:2',
    ]);
    expect((await db.comments.get('x:2'))?.revealedAt).toBe(3);
  });

  it('stores a comment read in the site’s translation with its language unknown, and no more of it', async () => {
    const db = freshDb();
    const translated = { ...observe('9'), comment: { ...comment('9'), translated: true } };
    await ingest(db, [translated, observe('10')], { now: 1_000 });
    const [row, plain] = await db.comments.bulkGet(['x:9', 'x:10']);
    expect(row?.lang).toBe('und');
    expect(plain?.lang).toBe('fr');
    // A row as the strict schema (and so a backup's restore) takes it.
    expect(v.parse(commentRowSchema, row)).toEqual(row);
  });

  it('keeps no text when the CM does not allow it', async () => {
    const db = freshDb();
    await ingest(db, [observe('1', 'a', 'secret', false)], { now: 1 });
    expect((await db.comments.get('x:1'))?.text).toBeNull();
  });
});

describe('schema version', () => {
  it('matches the newest version(n) the database declares (backups carry it)', async () => {
    const db = freshDb();
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
  });
});
