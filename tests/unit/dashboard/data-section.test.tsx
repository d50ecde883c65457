// @vitest-environment jsdom
/**
 * The dashboard's data section. Its restore, in the CM's language: a refused file is named by its part and
 * row in plain words, never by an internal path, and a backup that would change retention or text keeping
 * waits for the CM's answer before anything is written. What is stored is asked once, and again after a
 * change.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DataSection } from '../../../src/dashboard/DataSection';
import type { UiToBg } from '../../../src/messages';
import { CATALOGS, formatMessage, pluralKey, type UiLanguage } from '../../../src/shared/locale';
import { TRANSFER_PART_CHARS } from '../../../src/shared/transfer';

const ask = vi.hoisted(() => vi.fn());
const downloadBlob = vi.hoisted(() => vi.fn());
vi.mock('../../../src/ui/download', () => ({ downloadBlob }));
const language = vi.hoisted(() => ({ current: 'fr' as UiLanguage }));
vi.mock('../../../src/ui/client', () => ({ ask }));
vi.mock('../../../src/ui/i18n', () => ({
  t: (key: string, substitutions?: string | string[]) =>
    formatMessage(CATALOGS[language.current], key, substitutions === undefined ? [] : [substitutions].flat()),
  tn: (key: string, count: number, substitutions?: string[]) => {
    const catalog = CATALOGS[language.current];
    return formatMessage(
      catalog,
      pluralKey(catalog, key, count, language.current),
      substitutions ?? [String(count)],
    );
  },
}));

const USAGE = { rows: { comments: 3, actions: 1, checkins: 0, evidence: 1 }, retentionDays: 365 };

let root: HTMLDivElement;
beforeEach(() => {
  ask.mockReset();
  downloadBlob.mockReset();
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

async function settle(check: () => void) {
  // A hang guard, not a speed goal: the check passes as soon as the panel shows what it waits for.
  await vi.waitFor(check, { timeout: 15_000, interval: 20 });
}

/** Chooses a backup file in the restore input, as the CM does. */
async function chooseFile(text: string) {
  const input = root.querySelector<HTMLInputElement>('[data-testid="restore-input"]') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [new File([text], 'backup.json')], configurable: true });
  await act(() => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

const status = () => root.querySelector('[data-testid="data-status"]')?.textContent ?? '';
type RestoreMessage = Extract<UiToBg, { type: 'ui→bg:restore' }>;
const sent = () => ask.mock.calls.map(([message]) => message as UiToBg);
const restoreCalls = () =>
  sent().filter((message): message is RestoreMessage => message.type === 'ui→bg:restore');
/** The file text each restore read: the parts sent under its transfer id, in order. */
const restoredTexts = () =>
  restoreCalls().map(({ transferId }) =>
    sent()
      .flatMap((message) =>
        message.type === 'ui→bg:restore-part' && message.transferId === transferId ? [message] : [],
      )
      .sort((a, b) => a.index - b.index)
      .map((part) => part.text)
      .join(''),
  );

/** The service worker as the panel meets it: each part taken, each restore answered by `restore`. */
function serviceWorker(restore: (message: RestoreMessage) => unknown) {
  ask.mockImplementation(async (message: UiToBg) => {
    if (message.type === 'ui→bg:restore-part') return { ok: true };
    if (message.type === 'ui→bg:restore') return restore(message);
    return USAGE;
  });
}

describe('restore in the dashboard', () => {
  it.each([
    ['fr', 'settings', 1, 'la ligne 1 des réglages est inutilisable'],
    ['fr', 'comments', 12, 'la ligne 12 des commentaires est inutilisable'],
    ['en', 'settings', 1, 'row 1 of the settings cannot be used'],
    ['en', 'activity', 3, 'row 3 of the active time cannot be used'],
  ] as const)('names the refused row in plain words (%s, %s)', async (lang, table, row, words) => {
    language.current = lang;
    serviceWorker(() => ({
      ok: false,
      reason: 'invalid',
      table,
      row,
      where: `${table}.${row - 1}.intensity`,
    }));
    await act(() => render(<DataSection />, root));
    await chooseFile('{}');
    await settle(() => expect(status()).toContain(words));
    expect(status()).not.toMatch(/\.\d+\./);
    expect(root.querySelector('[data-testid="data-status"]')?.getAttribute('role')).toBe('alert');
  });

  it('says which part cannot be read when a whole table is damaged', async () => {
    language.current = 'fr';
    serviceWorker(() => ({ ok: false, reason: 'invalid', table: 'checkins', row: null, where: 'checkins' }));
    await act(() => render(<DataSection />, root));
    await chooseFile('{}');
    await settle(() => expect(status()).toContain('impossible de lire les lignes des ressentis'));
  });

  it('asks before changing retention and text keeping, then restores with the answer', async () => {
    language.current = 'fr';
    serviceWorker((message) => {
      if (message.guarded === undefined)
        return {
          ok: false,
          reason: 'needs_confirmation',
          changes: [
            { setting: 'retentionDays', from: 365, to: 90 },
            { setting: 'keepText', from: false, to: true },
          ],
        };
      return { ok: true, rows: 42 };
    });
    await act(() => render(<DataSection />, root));
    await chooseFile('{"the":"backup"}');
    await settle(() => expect(root.querySelector('[data-testid="restore-confirm"]')).not.toBeNull());
    const prompt = root.querySelector('[data-testid="restore-confirm"]')?.textContent ?? '';
    expect(prompt).toContain(
      'Ici, les données sont effacées après 365 jours\u202f; dans la sauvegarde, après 90 jours.',
    );
    expect(prompt).toContain('efface tout ce qui a plus de 90 jours');
    expect(prompt).toContain('La sauvegarde garde le texte des commentaires');
    expect(restoreCalls()).toHaveLength(1);

    const keepMine = [...root.querySelectorAll('button')].find(
      (button) => button.textContent === 'Restaurer en gardant mes réglages sur ces points',
    );
    await act(() => keepMine?.click());
    await settle(() => expect(status()).toBe('Sauvegarde restaurée\u00a0: 42 lignes.'));
    // The file is sent again with the answer: the service worker may have restarted while the CM read.
    expect(restoreCalls().map((message) => message.guarded)).toEqual([undefined, 'keep']);
    expect(restoredTexts()).toEqual(['{"the":"backup"}', '{"the":"backup"}']);
    expect(root.querySelector('[data-testid="restore-confirm"]')).toBeNull();
  });

  it('restores nothing when the CM cancels', async () => {
    language.current = 'en';
    serviceWorker(() => ({
      ok: false,
      reason: 'needs_confirmation',
      changes: [{ setting: 'keepText', from: true, to: false }],
    }));
    await act(() => render(<DataSection />, root));
    await chooseFile('{}');
    await settle(() => expect(root.querySelector('[data-testid="restore-confirm"]')).not.toBeNull());
    const cancel = [...root.querySelectorAll('button')].find((button) => button.textContent === 'Cancel');
    await act(() => cancel?.click());
    await settle(() => expect(status()).toBe('Restore cancelled. Nothing was changed.'));
    expect(restoreCalls()).toHaveLength(1);
  });

  it('sends a file larger than a message part in parts, and restores it whole', async () => {
    language.current = 'en';
    serviceWorker(() => ({ ok: true, rows: 1 }));
    // Characters outside the BMP at every cut: a part never ends on half of one.
    const file = `{"text":"${'é😀'.repeat(TRANSFER_PART_CHARS)}"}`;
    await act(() => render(<DataSection />, root));
    await chooseFile(file);
    await settle(() => expect(status()).toBe('Backup restored: 1 row.'));
    expect(sent().filter((message) => message.type === 'ui→bg:restore-part').length).toBeGreaterThan(2);
    expect(restoredTexts()).toEqual([file]);
  });

  it('says so in plain words when the service worker lost the parts', async () => {
    language.current = 'fr';
    serviceWorker(() => ({ ok: false, reason: 'interrupted' }));
    await act(() => render(<DataSection />, root));
    await chooseFile('{}');
    await settle(() =>
      expect(status()).toBe(
        'Le service d’arrière-plan de Desaffect a redémarré pendant le transfert. Rien n’a été modifié\u00a0: réessayez.',
      ),
    );
  });
});

describe('backup in the dashboard', () => {
  const backupButton = () =>
    [...root.querySelectorAll('button')].find((button) => button.textContent === 'Download a backup');

  it('reads the backup part by part and downloads them as one file', async () => {
    language.current = 'en';
    ask.mockImplementation(async (message: UiToBg) => {
      if (message.type === 'ui→bg:backup')
        return { transferId: 't1', parts: 2, createdAt: '2026-12-05T10:00:00Z' };
      if (message.type === 'ui→bg:transfer-part') return { text: ['{"a":', '1}'][message.index] };
      return USAGE;
    });
    await act(() => render(<DataSection />, root));
    await act(() => backupButton()?.click());
    await settle(() => expect(status()).toBe('Backup downloaded.'));
    expect(downloadBlob).toHaveBeenCalledWith(
      'desaffect-backup-2026-12-05.json',
      ['{"a":', '1}'],
      'application/json',
    );
  });

  it('says so in plain words when the service worker restarted in the middle', async () => {
    language.current = 'en';
    ask.mockImplementation(async (message: UiToBg) => {
      if (message.type === 'ui→bg:backup')
        return { transferId: 't1', parts: 2, createdAt: '2026-12-05T10:00:00Z' };
      if (message.type === 'ui→bg:transfer-part') return message.index === 0 ? { text: '{' } : null;
      return USAGE;
    });
    await act(() => render(<DataSection />, root));
    await act(() => backupButton()?.click());
    await settle(() =>
      expect(status()).toBe(
        'Desaffect’s background service restarted during the transfer. Nothing was changed: try again.',
      ),
    );
    expect(downloadBlob).not.toHaveBeenCalled();
  });
});

describe('what is stored', () => {
  const words = (key: string) => formatMessage(CATALOGS[language.current], key, []);
  const usageAsked = () =>
    ask.mock.calls.filter(([message]) => (message as UiToBg).type === 'ui→bg:data-usage').length;
  const estimate = vi.fn(async () => ({ usage: 2 * 1_048_576, quota: 1e9 }));
  beforeEach(() => {
    estimate.mockClear();
    Object.defineProperty(navigator, 'storage', { value: { estimate }, configurable: true });
  });
  afterEach(() => {
    Reflect.deleteProperty(navigator, 'storage');
  });

  it('asks for the counts and the size once when shown, and once more after deleting everything', async () => {
    language.current = 'en';
    ask.mockImplementation(async (message: UiToBg) =>
      message.type === 'ui→bg:delete-everything' ? { ok: true } : USAGE,
    );
    await act(() => render(<DataSection />, root));
    await settle(() => expect(root.querySelector('[data-testid="dash-retention"]')).not.toBeNull());
    await settle(() => expect(estimate).toHaveBeenCalled());
    expect([usageAsked(), estimate.mock.calls.length]).toEqual([1, 1]);

    const button = (key: string) =>
      [...root.querySelectorAll('button')].find((candidate) => candidate.textContent === words(key));
    await act(() => button('dashDeleteButton')?.click());
    await act(() => button('dashDeleteConfirm')?.click());
    await settle(() => expect(status()).toBe(words('dashDeleted')));
    await settle(() => expect([usageAsked(), estimate.mock.calls.length]).toEqual([2, 2]));
    // And no more: the section's own reload and the change every view hears were once two asks.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect([usageAsked(), estimate.mock.calls.length]).toEqual([2, 2]);
  });
});
