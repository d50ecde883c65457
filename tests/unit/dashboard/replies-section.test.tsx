// @vitest-environment jsdom
/**
 * The CM's saved replies in the dashboard, over the real service worker's handlers and a database: each
 * change is applied by the service worker to the list as stored, so two dashboard tabs do not undo each
 * other's changes, and the CM is told when the 500-reply limit refuses one or leaves part of an import out.
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
    runtime: { sendMessage: (message: unknown) => worker.sendMessage(message) },
    i18n: { getUILanguage: () => 'fr-FR' },
  },
}));

const { RepliesSection } = await import('../../../src/dashboard/RepliesSection');
const { openDb } = await import('../../../src/storage/db');
const { readSavedReplies, writeSavedReplies } = await import('../../../src/storage/saved-replies');
const { repliesFile, MAX_SAVED_REPLIES } = await import('../../../src/tactics/saved-replies');
const { applyLanguage } = await import('../../../src/ui/i18n');

type Db = ReturnType<typeof openDb>;
let db: Db;
const roots: HTMLElement[] = [];
beforeEach(() => {
  db = openDb(`replies-section-${Math.random()}`);
  worker.sendMessage = fakeServiceWorker(db).sendMessage;
  applyLanguage('fr');
});
afterEach(async () => {
  for (const root of roots.splice(0)) render(null, root);
  await db.delete();
});

// A hang guard, not a speed goal: each check passes as soon as the page shows what it waits for.
const settle = (check: () => void) => vi.waitFor(check, { timeout: 10_000, interval: 20 });
const reply = (n: number) => ({
  id: `r${n}`,
  tactic: 'restraint' as const,
  topic: 'any' as const,
  language: 'fr' as const,
  tone: 'any' as const,
  text: `Réponse ${n}`,
});

/** A dashboard tab on the replies section, once it shows the list. */
async function openTab(): Promise<HTMLElement> {
  const root = document.createElement('div');
  document.body.append(root);
  roots.push(root);
  await act(() => render(<RepliesSection />, root));
  await settle(() => expect(root.querySelector('[data-testid="saved-replies"]')).not.toBeNull());
  return root;
}
const status = (root: HTMLElement) => root.querySelector('[data-testid="replies-status"]')?.textContent ?? '';

async function addReply(root: HTMLElement, text: string): Promise<void> {
  const forms = root.querySelectorAll('form');
  const form = forms[forms.length - 1] as HTMLFormElement;
  const area = form.querySelector('textarea') as HTMLTextAreaElement;
  await act(() => {
    area.value = text;
    area.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await act(() => {
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
}

async function importFile(root: HTMLElement, text: string): Promise<void> {
  const input = root.querySelector<HTMLInputElement>('[data-testid="replies-import"]') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [new File([text], 'replies.json')], configurable: true });
  await act(() => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

describe('saved replies in two dashboard tabs', () => {
  it('keeps the reply added in each tab', async () => {
    const [first, second] = [await openTab(), await openTab()];
    await addReply(first, 'Écrite dans le premier onglet');
    await settle(() => expect(first.textContent).toContain('Écrite dans le premier onglet'));
    // The second tab still shows the list as it was when it opened.
    await addReply(second, 'Écrite dans le second onglet');
    await settle(() => expect(second.textContent).toContain('Écrite dans le second onglet'));
    expect((await readSavedReplies(db)).map((saved) => saved.text)).toEqual([
      'Écrite dans le premier onglet',
      'Écrite dans le second onglet',
    ]);
    expect(second.textContent).toContain('Écrite dans le premier onglet');
  });

  it('says so when the reply edited was deleted in the other tab, and saves nothing', async () => {
    await writeSavedReplies(db, [reply(1)]);
    const [first, second] = [await openTab(), await openTab()];
    await act(() => (first.querySelectorAll('.saved-reply button')[1] as HTMLButtonElement).click());
    await settle(() => expect(status(first)).toBe('Réponse enregistrée.'));
    await act(() => (second.querySelector('.saved-reply button') as HTMLButtonElement).click());
    await addReply(second.querySelector('[data-testid="saved-replies"]') as HTMLElement, 'Modifiée');
    await settle(() =>
      expect(status(second)).toBe(
        'Cette réponse a été supprimée entre-temps, dans un autre onglet\u00a0: rien n’a été enregistré.',
      ),
    );
    expect(await readSavedReplies(db)).toEqual([]);
  });
});

describe('the saved replies limit', () => {
  it('imports what fits and says how many were left out, then refuses one more reply, saying why', async () => {
    await writeSavedReplies(
      db,
      Array.from({ length: MAX_SAVED_REPLIES - 2 }, (_, n) => reply(n)),
    );
    const root = await openTab();
    await importFile(root, repliesFile([5_001, 5_002, 5_003, 5_004, 5_005].map(reply)));
    await settle(() =>
      expect(status(root)).toBe(
        '2 réponses importées. 3 réponses n’ont pas été importées\u00a0: vous avez atteint le maximum de 500 réponses enregistrées.',
      ),
    );
    expect(await readSavedReplies(db)).toHaveLength(MAX_SAVED_REPLIES);

    await addReply(root, 'Une de trop');
    await settle(() =>
      expect(status(root)).toBe(
        'Vous avez déjà 500 réponses enregistrées, le maximum\u00a0: supprimez-en une pour en ajouter une autre.',
      ),
    );
    expect(root.querySelector('[data-testid="replies-status"]')?.getAttribute('role')).toBe('alert');
    expect((await readSavedReplies(db)).map((saved) => saved.text)).not.toContain('Une de trop');
  });
});
