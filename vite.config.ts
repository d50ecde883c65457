/// <reference types="vitest/config" />
import { readFileSync } from 'node:fs';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
const manifest = JSON.parse(readFileSync('manifest.json', 'utf8')) as ManifestV3Export & { version: string };
// One version, kept in package.json.
manifest.version = pkg.version;

const extensionBuild = crx({
  manifest,
  // Built as one self-contained file: no loader, so no web_accessible_resources that would let
  // x.com or facebook.com detect the extension.
  contentScripts: { standaloneFiles: ['src/content/index.ts'] },
});

export default defineConfig({
  // The crx plugin rewrites the manifest and entry points: only for real builds, not under vitest.
  plugins: process.env.VITEST ? [preact()] : [preact(), extensionBuild],
  build: {
    // DIST_DIR lets parallel builds (two checkouts, a benchmark) keep out of each other's way.
    outDir: process.env.DIST_DIR ?? 'dist',
    emptyOutDir: true,
    target: 'chrome120',
    rollupOptions: { input: { dashboard: 'src/dashboard/index.html' } },
  },
  server: { port: 5173, strictPort: true },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.{ts,tsx}'], environment: 'node' },
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
        },
      },
    ],
  },
});
