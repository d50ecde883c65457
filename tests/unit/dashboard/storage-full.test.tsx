// @vitest-environment jsdom
/**
 * The browser's storage for Desaffect is full (QuotaExceededError) and the CM changes something in the
 * dashboard: a restore, the settings, a saved reply, a check-in. Each is refused by the service worker's
 * handlers (the real ones, over a database whose writes fail as a full one's do) and the dashboard says
 * the storage is full where the CM acted, and shows the storage-full notice with its button to free space,
 * instead of "the service is not answering"; nothing is written.
 */
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeServiceWorker, fillable } from './service-worker';

const worker = vi.hoisted(() => ({
  sendMessage: (_message: unknown): Promise<unknown> => Promise.resolve(),
}));
vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: {
      sendMessage: (message: unknown) => worker.sendMessage(message),
      getManifest: () => ({ version: '0.1.0' }),
    },
    i18n: { getUILanguage: () => 'fr-FR' },
  },
}));

const { Dashboard } = await import('../../../src/dashboard/Dashboard');
const { dashboardSettings } = await import('../../../src/dashboard/store');
const { CATALOGS } = await import('../../../src/shared/locale');
const { DEFAULT_SETTINGS } = await import('../../../src/shared/settings');
const { createBackup } = await import('../../../src/storage/backup');
const { openDb } = await import('../../../src/storage/db');
const { writeSettings } = await import('../../../src/storage/settings');
const { applyLanguage } = await import('../../../src/ui/i18n');
const { fullComment } = await import('../storage/full-rows');

const NOT_SAVED = CATALOGS.fr.storageFullNotSaved?.message as string;
let full = false;
const db = fillable(openDb(`storage-full-${Math.random()}`), () => full);
const other = openDb(`storage-full-other-${Math.random()}`);
const service = fakeServiceWorker(db);
const root = document.createElement('div');

beforeAll(async () => {
  worker.sendMessage = service.sendMessage;
  await writeSettings(db, { ...DEFAULT_SETTINGS, setupDone: true, language: 'fr' });
  await dashboardSettings.load();
  applyLanguage('fr');
  document.body.append(root);
  full = true;
});
afterAll(async () => {
  render(null, root);
  full = false;
  await Promise.all([db.delete(), other.delete()]);
});

// A hang guard, not a speed goal: each check passes as soon as the page shows what it waits for.
const settle = (check: () => void) => vi.waitFor(check, { timeout: 10_000, interval: 20 });
async function openSection(id: string): Promise<void> {
  location.hash = id;
  await act(() => {
    if (!root.firstChild) render(<Dashboard />, root);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
  await settle(() => expect(root.querySelector(`[data-section="${id}"]`)).not.toBeNull());
}
async function typeInto(field: HTMLTextAreaElement, text: string): Promise<void> {
  await act(() => {
    field.value = text;
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
async function submit(form: HTMLFormElement): Promise<void> {
  await act(() => {
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
}
const section = () => root.querySelector('[data-section]') as HTMLElement;

describe('a change made in the dashboard while the storage is full', () => {
  it('a restore: says the storage is full, shows the notice to free space, and writes nothing', async () => {
    await other.comments.put(fullComment('1', Date.now(), '2026-01-01'));
    await writeSettings(other, { ...DEFAULT_SETTINGS, setupDone: true, language: 'fr' });
    const file = JSON.stringify(await createBackup(other, '0.1.0', Date.now()));
    await openSection('data');
    const input = root.querySelector<HTMLInputElement>('[data-testid="restore-input"]') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [new File([file], 'backup.json')], configurable: true });
    await act(() => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await settle(() =>
      expect(root.querySelector('[data-testid="data-status"]')?.textContent).toBe(NOT_SAVED),
    );
    await settle(() => expect(root.querySelector('[data-testid="storage-full"] button')).not.toBeNull());
    expect(service.context.health.fullSince).not.toBeNull();
    expect(await db.comments.count()).toBe(0);
  });

  it('the settings', async () => {
    await openSection('settings');
    await submit(section().querySelector('form') as HTMLFormElement);
    await settle(() =>
      expect(section().querySelector('form > [role="status"]')?.textContent).toBe(NOT_SAVED),
    );
  });

  it('a saved reply', async () => {
    await openSection('replies');
    await settle(() => expect(section().querySelector('[data-testid="saved-replies"]')).not.toBeNull());
    const forms = section().querySelectorAll('form');
    const form = forms[forms.length - 1] as HTMLFormElement;
    await typeInto(form.querySelector('textarea') as HTMLTextAreaElement, 'Merci pour votre patience.');
    await submit(form);
    await settle(() =>
      expect(root.querySelector('[data-testid="replies-status"]')?.textContent).toBe(NOT_SAVED),
    );
    full = false;
    expect(await db.settings.get('savedReplies')).toBeUndefined();
    full = true;
  });

  it('a check-in', async () => {
    await openSection('checkins');
    const form = root.querySelector('[data-testid="checkin-form"]') as HTMLFormElement;
    await act(() => (form.querySelector('input[type="radio"]') as HTMLInputElement).click());
    await submit(form);
    await settle(() => expect(form.querySelector('.notice')?.textContent).toBe(NOT_SAVED));
    expect(await db.checkins.count()).toBe(0);
  });
});
