/// <reference types="vitest/config" />
import { readFileSync } from 'node:fs';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { asciiOutput } from './scripts/lib/ascii-output.js';
import { type ChromeManifest, firefoxDistDir, firefoxManifest } from './scripts/lib/firefox-build.js';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
const manifest = JSON.parse(readFileSync('manifest.json', 'utf8')) as ChromeManifest;
// One version, kept in package.json.
manifest.version = pkg.version;
// BROWSER=firefox builds the Firefox package from the same sources and the same manifest.json.
const forFirefox = process.env.BROWSER === 'firefox';
/**
 * How long a real-browser test's `expect.poll` waits unless it says otherwise: a guard against a hang on a
 * loaded 2-core CI machine (vitest's default is 1 s), not a speed goal (that is `npm run bench`).
 */
const POLL_TIMEOUT_MS = 30_000;
/** How long a unit test or hook may run unless it says otherwise: a guard against a hang, likewise. */
const UNIT_TIMEOUT_MS = 30_000;

const extensionBuild = crx({
  manifest: (forFirefox ? firefoxManifest(manifest) : manifest) as ManifestV3Export,
  browser: forFirefox ? 'firefox' : 'chrome',
  // Built as one self-contained file: no loader, so no web_accessible_resources that would let
  // x.com or facebook.com detect the extension.
  contentScripts: { standaloneFiles: ['src/content/index.ts'] },
});

export default defineConfig({
  // The crx plugin rewrites the manifest and entry points: only for real builds, not under vitest.
  plugins: process.env.VITEST ? [preact()] : [preact(), extensionBuild, asciiOutput()],
  build: {
    // DIST_DIR lets parallel builds (two checkouts, a benchmark) keep out of each other's way.
    outDir: forFirefox ? firefoxDistDir() : (process.env.DIST_DIR ?? 'dist'),
    emptyOutDir: true,
    target: forFirefox ? 'firefox140' : 'chrome120',
    rollupOptions: {
      input: { dashboard: 'src/dashboard/index.html' },
      // ASCII-only scripts (scripts/lib/ascii-output.ts says why); the content script is escaped there.
      output: { charset: 'ascii' },
    },
  },
  server: { port: 5173, strictPort: true },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
          setupFiles: ['tests/unit/preact-effects.ts'],
          // A hang guard, not a speed goal (vitest's default 5 s is one): on a loaded 2-core CI machine the
          // upgrade of a realistic history alone took 4 s. Speed is measured by `npm run bench`.
          testTimeout: UNIT_TIMEOUT_MS,
          hookTimeout: UNIT_TIMEOUT_MS,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          // One Chromium at a time: the suite shares a port and a 2-core machine.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
          expect: { poll: { timeout: POLL_TIMEOUT_MS } },
        },
      },
      {
        extends: true,
        test: {
          name: 'firefox',
          include: ['tests/firefox/**/*.test.ts'],
          environment: 'node',
          // One Firefox at a time, like the Chromium suite.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
          expect: { poll: { timeout: POLL_TIMEOUT_MS } },
        },
      },
    ],
  },
});
