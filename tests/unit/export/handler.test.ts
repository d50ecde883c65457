import 'fake-indexeddb/auto';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import packageJson from '../../../package.json';
import { exportHandlers } from '../../../src/background/handlers/export';
import { base64ToBytes, bytesToBase64 } from '../../../src/export/base64';
import { DEFAULT_EXPORT_OPTIONS, type ExportOptions } from '../../../src/export/messages';
import { Transfers } from '../../../src/shared/transfer';
import { openDb } from '../../../src/storage/db';
import type { CommentRow } from '../../../src/storage/schema';
import { CANARIES, canaryHistory } from './history';

let db: ReturnType<typeof openDb> | undefined;
afterEach(async () => {
  await db?.delete();
});

const NOW = Date.UTC(2026, 10, 25, 10);
const history = canaryHistory();

async function seed() {
  db = openDb(`export-${Math.random()}`);
  await Promise.all([
    db.comments.bulkPut(history.comments),
    db.actions.bulkPut(history.actions),
    db.activity.bulkPut(history.activity),
    db.checkins.bulkPut(history.checkins),
    db.evidence.bulkPut(history.evidence),
    db.settings.bulkPut(history.settings),
  ]);
  return db;
}

/** The service worker's held texts, shared by every handler map the tests make (as in one service worker). */
const transfers = new Transfers();

const handlersOn = (database: NonNullable<typeof db>) =>
  exportHandlers({ db: database, now: () => NOW, transfers });

const draft = (options: Partial<ExportOptions> = {}, draftId = 'draft-0001') => ({
  draftId,
  exportKey: bytesToBase64(crypto.getRandomValues(new Uint8Array(32))),
  asOf: null as number | null,
  options: { ...DEFAULT_EXPORT_OPTIONS, ...options },
});

/** The zip a reply announces, read back in its parts as the dashboard does. */
function unzipReply(reply: { ok: true; transferId: string; parts: number; bytes: number } | { ok: false }) {
  if (!reply.ok) throw new Error('refused');
  const parts = Array.from({ length: reply.parts }, (_, index) => transfers.part(reply.transferId, index));
  if (parts.some((part) => part === null)) throw new Error('a part is gone');
  const zip = base64ToBytes(parts.join(''));
  expect(zip.length).toBe(reply.bytes);
  return Object.fromEntries(Object.entries(unzipSync(zip)).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

describe('the service worker export handlers', () => {
  it('preview, pages and zip of one draft show the same rows in the same order, and the zip is clean', async () => {
    const handlers = handlersOn(await seed());
    const message = draft({ text: 'redacted', granularity: 'day' });
    const preview = await handlers['ui→bg:export-preview']({ type: 'ui→bg:export-preview', ...message });
    expect(preview.asOf).toBe(NOW);
    const comments = preview.tables[0];

    const reply = await handlers['ui→bg:export-zip']({
      type: 'ui→bg:export-zip',
      ...message,
      asOf: preview.asOf,
      fingerprint: preview.fingerprint,
    });
    expect(reply.ok && reply.fileName).toBe('desaffect-research-export-2026-11-25.zip');
    const files = unzipReply(reply);
    const manifest = JSON.parse(files['manifest.json'] as string);
    expect(manifest.exporter.extensionVersion).toBe(packageJson.version);
    expect(manifest.data).toMatchObject({ kind: 'extension-database', extensionVersion: null });
    const written = (files['comments_seen.jsonl'] as string)
      .trim()
      .split('\n')
      .map((line) => Object.values(JSON.parse(line)));
    expect(written).toHaveLength(comments?.total as number);
    expect(written.slice(0, 50)).toEqual(comments?.rows.map((row) => row.cells));
    for (const content of Object.values(files)) {
      for (const canary of CANARIES) expect(content.toLowerCase()).not.toContain(canary.toLowerCase());
    }

    // The same draft after a service-worker restart: the same order (the dashboard holds the key).
    const restarted = handlersOn(db as NonNullable<typeof db>);
    const again = await restarted['ui→bg:export-preview']({
      type: 'ui→bg:export-preview',
      ...message,
      asOf: NOW,
    });
    expect(again.fingerprint).toBe(preview.fingerprint);
    expect(again.tables[0]?.rows).toEqual(comments?.rows);

    // Another draft, another key: the same rows in another order.
    const otherDraft = await handlers['ui→bg:export-preview']({
      type: 'ui→bg:export-preview',
      ...draft({ text: 'redacted', granularity: 'day' }, 'draft-0002'),
    });
    const refs = (table: typeof comments) => table?.rows.map((row) => row.ref) ?? [];
    expect(refs(otherDraft.tables[0])).not.toEqual(refs(comments));
    expect(refs(otherDraft.tables[0]).sort()).toEqual(refs(comments).sort());
  });

  it('pages through a table', async () => {
    const handlers = handlersOn(await seed());
    const message = draft({ granularity: 'day' });
    const preview = await handlers['ui→bg:export-preview']({ type: 'ui→bg:export-preview', ...message });
    const total = preview.tables[0]?.total as number;
    expect(total).toBeGreaterThan(20);
    const page = await handlers['ui→bg:export-page']({
      type: 'ui→bg:export-page',
      ...message,
      asOf: preview.asOf,
      table: 'comments_seen',
      offset: 0,
    });
    expect(page.rows).toEqual(preview.tables[0]?.rows);
    const last = await handlers['ui→bg:export-page']({
      type: 'ui→bg:export-page',
      ...message,
      asOf: preview.asOf,
      table: 'comments_seen',
      offset: 1_000,
    });
    expect(last.offset).toBe(0);
  });

  it('downloads exactly the previewed rows: later comments stay out, changed ones are refused', async () => {
    const database = await seed();
    const handlers = handlersOn(database);
    const message = draft({ granularity: 'day' });
    const preview = await handlers['ui→bg:export-preview']({ type: 'ui→bg:export-preview', ...message });
    const zip = {
      type: 'ui→bg:export-zip' as const,
      ...message,
      asOf: preview.asOf,
      fingerprint: preview.fingerprint,
    };

    // A comment arriving after the preview is not in the zip.
    const late: CommentRow = {
      ...(history.comments[0] as CommentRow),
      key: 'x:late',
      id: 'late',
      firstSeen: NOW + 60_000,
      lastSeen: NOW + 60_000,
      day: '2026-11-25',
    };
    await database.comments.put(late);
    const files = unzipReply(await handlers['ui→bg:export-zip'](zip));
    expect((files['comments_seen.jsonl'] as string).trim().split('\n')).toHaveLength(
      preview.tables[0]?.total as number,
    );
    expect(files['comments_seen.csv']).not.toContain('2026-11-25');

    // The same, rebuilt after a service-worker restart.
    const restarted = handlersOn(database);
    expect((await restarted['ui→bg:export-zip'](zip)).ok).toBe(true);

    // A previewed comment seen again changes what would be written: refused, preview again.
    const first = history.comments[0] as CommentRow;
    await database.comments.put({ ...first, lastSeen: NOW + 120_000, timesSeen: first.timesSeen + 1 });
    expect(await handlersOn(database)['ui→bg:export-zip'](zip)).toEqual({ ok: false, reason: 'changed' });
    // Deleted rows too, even where the previewed export is still in memory ("delete everything" must win).
    expect((await handlers['ui→bg:export-zip'](zip)).ok).toBe(true);
    await database.comments.delete(first.key);
    expect(await handlersOn(database)['ui→bg:export-zip'](zip)).toEqual({ ok: false, reason: 'changed' });
    expect(await handlers['ui→bg:export-zip'](zip)).toEqual({ ok: false, reason: 'changed' });
  });

  it('reads only the chosen date range', async () => {
    const handlers = handlersOn(await seed());
    const preview = await handlers['ui→bg:export-preview']({
      type: 'ui→bg:export-preview',
      ...draft({ from: '2026-11-21', to: '2026-11-21' }, 'draft-0003'),
    });
    expect(preview.days.map((day) => day.day)).toEqual(['2026-11-21']);
    for (const table of preview.tables) {
      const dayColumn = table.columns.indexOf('day');
      for (const row of table.rows) expect([null, '2026-11-21']).toContain(row.cells[dayColumn]);
    }
    expect(preview.noteCandidates.map((note) => note.id)).toEqual([2]);
  });
});
