/**
 * `npm run package`: builds the Chrome and the Firefox extension from the same sources, lints the Firefox
 * one with web-ext (the checks AMO runs), and zips each build for its store:
 * packages/desaffect-chrome-<version>.zip and packages/desaffect-firefox-<version>.zip.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { type Zippable, zipSync } from 'fflate';
import { firefoxDistDir } from './lib/firefox-build';

const OUT_DIR = 'packages';
/** A fixed date in every entry, so the same sources give byte-identical zips (stores and reviewers can compare). */
const ENTRY_TIME = new Date('2020-01-01T00:00:00Z');

function run(script: string): void {
  execFileSync('npm', ['run', script], { stdio: 'inherit' });
}

/** Every file of a build, by its path inside the zip; dotfiles (crxjs's .vite/ build notes) stay out. */
function buildFiles(dir: string): Zippable {
  const files: Zippable = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    const inZip = relative(dir, path).split('\\').join('/');
    if (!entry.isFile() || inZip.split('/').some((part) => part.startsWith('.'))) continue;
    files[inZip] = [readFileSync(path), { mtime: ENTRY_TIME }];
  }
  return files;
}

function zipBuild(dir: string, name: string): string {
  const files = buildFiles(dir);
  if (!('manifest.json' in files)) throw new Error(`${dir} holds no build (no manifest.json).`);
  // Sorted entries: the zip does not depend on the order the file system lists them in.
  const sorted = Object.fromEntries(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1)));
  const path = join(OUT_DIR, name);
  writeFileSync(path, zipSync(sorted, { level: 9 }));
  return path;
}

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
run('build');
// Builds the Firefox target, then lints it: a lint error stops the packaging.
run('lint:firefox');
mkdirSync(OUT_DIR, { recursive: true });
const zips = [
  zipBuild(resolve(process.env.DIST_DIR ?? 'dist'), `desaffect-chrome-${version}.zip`),
  zipBuild(resolve(firefoxDistDir()), `desaffect-firefox-${version}.zip`),
];
for (const zip of zips) console.log(`${zip}  ${(readFileSync(zip).length / 1024).toFixed(0)} KiB`);
