// @vitest-environment jsdom
/**
 * The settings section over the real service worker's handlers and a database: a restore made in the
 * dashboard is shown, and kept by the next save; a save from settings another tab has changed since is
 * refused and said; a value out of range is said as what the field accepts, never as an internal path.
 */
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeServiceWorker } from './service-worker';

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

const { DataSection } = await import('../../../src/dashboard/DataSection');
const { SettingsSection } = await import('../../../src/dashboard/SettingsSection');
const { dashboardSettings } = await import('../../../src/dashboard/store');
const { DEFAULT_SETTINGS } = await import('../../../src/shared/settings');
const { createBackup } = await import('../../../src/storage/backup');
const { openDb } = await import('../../../src/storage/db');
const { readSettings, writeSettings } = await import('../../../src/storage/settings');
const { applyLanguage } = await import('../../../src/ui/i18n');

type Db = ReturnType<typeof openDb>;
const opened: Db[] = [];
const roots: HTMLElement[] = [];
let db: Db;
const HERE = { ...DEFAULT_SETTINGS, setupDone: true, language: 'fr' as const, brandNames: ['Acme'] };

beforeEach(async () => {
  db = openDb(`settings-section-${Math.random()}`);
  opened.push(db);
  worker.sendMessage = fakeServiceWorker(db).sendMessage;
  await writeSettings(db, HERE);
  await dashboardSettings.load();
  applyLanguage('fr');
});
afterEach(async () => {
  for (const root of roots.splice(0)) render(null, root);
  await Promise.all(opened.splice(0).map((each) => each.delete()));
});

// A hang guard, not a speed goal: each check passes as soon as the page shows what it waits for.
const settle = (check: () => void) => vi.waitFor(check, { timeout: 10_000, interval: 20 });
async function mount(section: preact.VNode): Promise<HTMLElement> {
  const root = document.createElement('div');
  document.body.append(root);
  roots.push(root);
  await act(() => render(section, root));
  return root;
}
const brandsField = (root: HTMLElement) => root.querySelectorAll('textarea')[2] as HTMLTextAreaElement;
const status = (root: HTMLElement) => root.querySelector('form > [role="status"]')?.textContent ?? '';
async function setValue(input: HTMLInputElement | HTMLTextAreaElement, value: string): Promise<void> {
  await act(() => {
    input.value = value;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
}
async function save(root: HTMLElement): Promise<void> {
  await act(() => {
    root.querySelector('form')?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
}

describe('the settings section', () => {
  it('shows the settings a restore brought, and keeps them through its next save', async () => {
    const other = openDb(`settings-other-${Math.random()}`);
    opened.push(other);
    await writeSettings(other, { ...HERE, brandNames: ['Acme', 'Acme Banque'] });
    const file = JSON.stringify(await createBackup(other, '0.1.0', Date.now()));
    const data = await mount(<DataSection />);
    const input = data.querySelector<HTMLInputElement>('[data-testid="restore-input"]') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [new File([file], 'backup.json')], configurable: true });
    await act(() => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await settle(() =>
      expect(data.querySelector('[data-testid="data-status"]')?.textContent).toContain('restaur'),
    );

    const root = await mount(<SettingsSection />);
    await settle(() => expect(brandsField(root).value).toBe('Acme\nAcme Banque'));
    const hours = root.querySelectorAll<HTMLInputElement>('input[type="number"]')[1] as HTMLInputElement;
    await setValue(hours, '8');
    await save(root);
    await settle(() => expect(status(root)).toBe('Enregistré.'));
    expect(await readSettings(db)).toMatchObject({
      brandNames: ['Acme', 'Acme Banque'],
      nudges: { hoursOnlinePerDay: 8 },
    });
  });

  it('refuses a save from settings another tab changed since, says so and shows the current ones', async () => {
    const root = await mount(<SettingsSection />);
    await settle(() => expect(brandsField(root).value).toBe('Acme'));
    // Another dashboard tab saves its own change.
    const fromOtherTab = { ...HERE, brandNames: ['Acme', 'Acme Assurances'] };
    await writeSettings(db, fromOtherTab);

    await setValue(brandsField(root), 'Acme\nAcme Voyages');
    await save(root);
    await settle(() =>
      expect(status(root)).toBe(
        'Les réglages ont changé entre-temps, dans un autre onglet ou par une restauration\u00a0: rien n’a été enregistré. Voici les réglages actuels\u202f; refaites votre modification si elle vaut toujours.',
      ),
    );
    expect(await readSettings(db)).toEqual(fromOtherTab);
    expect(brandsField(root).value).toBe('Acme\nAcme Assurances');
  });

  it('says what each field out of range accepts, in a sentence, never an internal name', async () => {
    const root = await mount(<SettingsSection />);
    await settle(() => expect(root.querySelector('form')).not.toBeNull());
    const numbers = root.querySelectorAll<HTMLInputElement>('input[type="number"]');
    await setValue(numbers[1] as HTMLInputElement, ''); // hours online in a day, emptied
    await setValue(numbers[4] as HTMLInputElement, '0'); // retention
    await save(root);
    await settle(() =>
      expect(status(root)).toBe(
        'Rien n’a été enregistré. Pause après des heures en ligne\u00a0: un nombre d’heures de 1 à 24. Durée de conservation\u00a0: un nombre entier de jours, de 1 à 3\u202f650.',
      ),
    );
    expect(await readSettings(db)).toEqual(HERE);
  });
});
