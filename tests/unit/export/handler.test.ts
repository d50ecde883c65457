import 'fake-indexeddb/auto';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import packageJson from '../../../package.json';
import { exportHandlers } from '../../../src/background/handlers/export';
import { base64ToBytes } from '../../../src/export/base64';
import { DEFAULT_EXPORT_OPTIONS } from '../../../src/shared/messages-export';
import { openDb } from '../../../src/storage/db';
import { CANARIES, canaryHistory } from './history';

let db: ReturnType<typeof openDb> | undefined;
afterEach(async () => {
  await db?.delete();
});

async function seededHandlers() {
  db = openDb(`export-${Math.random()}`);
  const history = canaryHistory();
  await Promise.all([
    db.comments.bulkPut(history.comments),
    db.actions.bulkPut(history.actions),
    db.activity.bulkPut(history.activity),
    db.checkins.bulkPut(history.checkins),
    db.evidence.bulkPut(history.evidence),
    db.settings.bulkPut(history.settings),
  ]);
  return exportHandlers({ db, now: () => Date.UTC(2026, 10, 25, 10) });
}

describe('the service worker export handlers', () => {
  it('preview and zip of one draft show the same pseudonyms, and the zip is clean', async () => {
    const handlers = await seededHandlers();
    const message = {
      draftId: 'draft-0001',
      options: { ...DEFAULT_EXPORT_OPTIONS, text: 'redacted' as const },
    };
    const preview = await handlers['ui→bg:export-preview']({ type: 'ui→bg:export-preview', ...message });
    const reply = await handlers['ui→bg:export-zip']({ type: 'ui→bg:export-zip', ...message });

    expect(reply.fileName).toBe('desaffect-research-export-2026-11-25.zip');
    const zip = base64ToBytes(reply.zipBase64);
    expect(zip.length).toBe(reply.bytes);
    const files = Object.fromEntries(
      Object.entries(unzipSync(zip)).map(([name, bytes]) => [name, strFromU8(bytes)]),
    );
    const commenterColumn = preview.tables[0]?.columns.indexOf('commenter') ?? -1;
    const firstCommenter = preview.tables[0]?.rows[0]?.cells[commenterColumn];
    expect(firstCommenter).toMatch(/^p_/);
    expect(files['comments_seen.csv']).toContain(String(firstCommenter));
    expect(JSON.parse(files['manifest.json'] as string).extensionVersion).toBe(packageJson.version);
    for (const content of Object.values(files)) {
      for (const canary of CANARIES) expect(content.toLowerCase()).not.toContain(canary.toLowerCase());
    }

    const otherDraft = await handlers['ui→bg:export-preview']({
      type: 'ui→bg:export-preview',
      ...message,
      draftId: 'draft-0002',
    });
    expect(otherDraft.tables[0]?.rows[0]?.cells[commenterColumn]).not.toBe(firstCommenter);
  });

  it('reads only the chosen date range', async () => {
    const handlers = await seededHandlers();
    const preview = await handlers['ui→bg:export-preview']({
      type: 'ui→bg:export-preview',
      draftId: 'draft-0003',
      options: { ...DEFAULT_EXPORT_OPTIONS, from: '2026-11-21', to: '2026-11-21' },
    });
    expect(preview.days.map((day) => day.day)).toEqual(['2026-11-21']);
    for (const table of preview.tables) {
      const dayColumn = table.columns.indexOf('day');
      for (const row of table.rows) expect(row.cells[dayColumn]).toBe('2026-11-21');
    }
    expect(preview.noteCandidates.map((note) => note.id)).toEqual([2]);
  });
});
