/** Launches a real Chromium with the built extension, the local sites mapped onto the feed server. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import type { TabView } from '../../src/content/messages';
import type { BgReplies, UiToBg } from '../../src/messages';
import type { Settings } from '../../src/shared/settings';
import type { BackupFile } from '../../src/storage/backup-format';
import { OTHER_HOST, SITE_HOSTS } from './fake-site/hosts';
import { readInParts, restoreInParts } from './transfers';

export function chromePath(): string {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((path): path is string => Boolean(path && existsSync(path)));
  if (!found) throw new Error('No Chromium found: run `npm run setup:browser` or set CHROME_PATH.');
  return found;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
  close(): Promise<void>;
}

export async function launchWithExtension(options: {
  port: number;
  headless: boolean;
  distDir?: string;
  /** Send every request through this local proxy (tests record what the browser asks for). */
  proxyPort?: number;
}): Promise<ExtensionBrowser> {
  const distDir = resolve(options.distDir ?? process.env.DIST_DIR ?? 'dist');
  if (!existsSync(join(distDir, 'manifest.json')))
    throw new Error(`No build in ${distDir}: run npm run build.`);
  const profile = mkdtempSync(join(tmpdir(), 'desaffect-profile-'));
  const rules = [...SITE_HOSTS, OTHER_HOST].map((host) => `MAP ${host} 127.0.0.1:${options.port}`);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromePath(),
    headless: options.headless,
    ignoreHTTPSErrors: true,
    viewport: { width: 1280, height: 900 },
    args: [
      ...(options.headless ? ['--headless=new'] : []),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-quic',
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--disable-extensions-except=${distDir}`,
      `--load-extension=${distDir}`,
      `--host-resolver-rules=${rules.join(', ')}, EXCLUDE localhost`,
      '--ignore-certificate-errors',
      '--enable-unsafe-extension-debugging',
      ...(options.proxyPort ? [`--proxy-server=http://127.0.0.1:${options.proxyPort}`] : []),
    ],
  });
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(serviceWorker.url()).host;
  return {
    context,
    serviceWorker,
    extensionId,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The minimal slice of the `chrome` API the tests call inside the service worker. */
interface ServiceWorkerGlobals {
  chrome: {
    tabs: { query(filter: { url: string }): Promise<{ id?: number; url?: string }[]> };
  };
}

/** The id of the tab showing `url` (a match pattern or a full URL), as the extension sees it. */
export async function tabIdOf(context: ExtensionContext, url: string): Promise<number> {
  const id = await context.evaluate(async (pattern) => {
    const { chrome } = globalThis as unknown as ServiceWorkerGlobals;
    const [tab] = await chrome.tabs.query({ url: pattern });
    return tab?.id ?? null;
  }, url);
  if (id === null) throw new Error(`No tab shows ${url}`);
  return id;
}

/**
 * Where test code can run with the extension's origin: its service worker, or one of its pages (which
 * stays usable while the service worker is stopped).
 */
export type ExtensionContext = Pick<Worker, 'evaluate'>;

/**
 * Sends one ui→bg message from an extension page (popup or dashboard, open at `page`) and returns the
 * service worker's reply, exactly as the extension's own pages do: no test-only route into it.
 */
export function askExtension<M extends UiToBg>(page: Page, message: M): Promise<BgReplies[M['type']]> {
  return page.evaluate(
    (sent) =>
      (
        globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<never> } } }
      ).chrome.runtime.sendMessage(sent),
    message as UiToBg,
  ) as Promise<BgReplies[M['type']]>;
}

/**
 * Changes the settings as the dashboard does: from the ones stored now, named as the save's base. Returns
 * the settings as they were.
 */
export async function changeSettings(page: Page, change: (current: Settings) => Settings): Promise<Settings> {
  const base = await askExtension(page, { type: 'ui→bg:get-settings' });
  const saved = await askExtension(page, { type: 'ui→bg:save-settings', settings: change(base), base });
  if (!saved.ok) throw new Error('The settings changed while they were being saved');
  return base;
}

/** A text the service worker holds (a backup, an export), read part by part as the dashboard does. */
export function readTransfer(page: Page, transferId: string, parts: number): Promise<string> {
  return readInParts((message) => askExtension(page, message), transferId, parts);
}

/** A backup made by the service worker, as the dashboard's Download reads it. */
export async function backupThrough(page: Page): Promise<BackupFile> {
  const { transferId, parts } = await askExtension(page, { type: 'ui→bg:backup' });
  return JSON.parse(await readTransfer(page, transferId, parts)) as BackupFile;
}

/** Restores a backup file's text through the service worker, part by part, as the dashboard's Restore does. */
export function restoreThrough(page: Page, fileText: string): Promise<BgReplies['ui→bg:restore']> {
  return restoreInParts((message) => askExtension(page, message), fileText);
}

/** What the content script of tab `tabId` last reported about its page (null before it did), as the popup reads it. */
export async function pageStatus(page: Page, tabId: number): Promise<TabView['status']> {
  return (await askExtension(page, { type: 'ui→bg:tab-comments', tabId })).status;
}

/**
 * The rows of one table of the extension's database (all, or those an index maps to `value`), read with
 * the raw IndexedDB API inside the service worker: tests look at what was really written, not at what
 * the extension's code says it wrote.
 */
export function readStore<T>(
  context: ExtensionContext,
  store: string,
  where?: { index: string; value: string },
): Promise<T[]> {
  return context.evaluate(
    ({ store, where }) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('desaffect');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(store)) {
            db.close();
            resolve([]);
            return;
          }
          const table = db.transaction(store).objectStore(store);
          const request = where ? table.index(where.index).getAll(where.value) : table.getAll();
          request.onsuccess = () => {
            db.close();
            resolve(request.result as T[]);
          };
          request.onerror = () => reject(request.error);
        };
      }),
    { store, where },
  );
}

export interface StoredComment {
  key: string;
  timesSeen: number;
  label: string;
  lang: string;
  revealedAt?: number;
}

export function storedComments(context: ExtensionContext, threadKey?: string): Promise<StoredComment[]> {
  return readStore<StoredComment>(
    context,
    'comments',
    threadKey === undefined ? undefined : { index: 'threadKey', value: threadKey },
  );
}

/** How many comments are stored (in one thread, or in all): an IndexedDB count, no row is read. */
export function countStoredComments(context: ExtensionContext, threadKey?: string): Promise<number> {
  return context.evaluate(
    (thread) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('desaffect');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('comments')) {
            db.close();
            resolve(0);
            return;
          }
          const store = db.transaction('comments').objectStore('comments');
          const request = thread === null ? store.count() : store.index('threadKey').count(thread);
          request.onsuccess = () => {
            db.close();
            resolve(request.result);
          };
          request.onerror = () => reject(request.error);
        };
      }),
    threadKey ?? null,
  );
}
