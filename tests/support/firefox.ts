/**
 * Launches a real Firefox (Debian's firefox-esr) headless over WebDriver BiDi with the Firefox build
 * installed, the local sites sent to the feed server. Firefox has no host-resolver flag: its own prefs
 * resolve the site hosts to 127.0.0.1 and move their port 443 to the feed server's port.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { firefoxDistDir, GECKO_ID } from '../../scripts/lib/firefox-build';
import { OTHER_HOST, SITE_HOSTS } from './fake-site/hosts';

/** Pinned so the extension's pages have a known address (Firefox otherwise draws a random UUID). */
export const EXTENSION_UUID = '5e1f0a7c-3d2b-4c6e-9a81-d35aff3c7e01';

export function firefoxPath(): string {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'];
  const found = candidates.find((path): path is string => Boolean(path && existsSync(path)));
  if (!found) throw new Error('No Firefox found: run `npm run setup:browser` or set FIREFOX_PATH.');
  return found;
}

export interface FirefoxWithExtension {
  browser: Browser;
  extensionUrl(path: string): string;
  /** Opens one of the extension's pages (popup, dashboard) in a new tab, once it has loaded. */
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

export async function launchFirefoxWithExtension(options: {
  port: number;
  distDir?: string;
}): Promise<FirefoxWithExtension> {
  const distDir = resolve(options.distDir ?? firefoxDistDir());
  if (!existsSync(join(distDir, 'manifest.json')))
    throw new Error(`No Firefox build in ${distDir}: run npm run build:firefox.`);
  // A profile of our own, so the pinned UUID and the prefs never touch a user's profile.
  const profile = mkdtempSync(join(tmpdir(), 'desaffect-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    // The feed server's certificate is self-signed.
    acceptInsecureCerts: true,
    userDataDir: profile,
    // Lets the test drive moz-extension:// pages.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'network.dns.localDomains': [...SITE_HOSTS, OTHER_HOST].join(','),
      'network.socket.forcePort': `443=${options.port}`,
      // DNS over HTTPS off: the local names must resolve locally.
      'network.trr.mode': 5,
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
    },
  });
  try {
    await browser.installExtension(distDir);
  } catch (error) {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  const extensionUrl = (path: string) => `moz-extension://${EXTENSION_UUID}/${path}`;
  return {
    browser,
    extensionUrl,
    async openExtensionPage(path) {
      const page = await browser.newPage();
      const url = extensionUrl(path);
      // goto() to a moz-extension:// page may never settle although the page loads: wait on the page.
      // Polled by hand: an evaluation that meets the window being replaced fails, and is simply retried.
      page.goto(url).catch(() => undefined);
      const deadline = Date.now() + 30_000;
      for (;;) {
        const loaded = await page
          .evaluate((expected) => location.href === expected && document.readyState === 'complete', url)
          .catch(() => false);
        if (loaded) return page;
        if (Date.now() > deadline) throw new Error(`${url} did not load in 30 s`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    async close() {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
