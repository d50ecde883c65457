/**
 * The import rules between the folders of src/ (the README's map), checked by `npm run lint` through
 * scripts/check-boundaries.ts. A module is named by its path under src/ without extension:
 * `shared/comment`, `classifier/index`, `messages` (src/messages.ts, the message union).
 *
 * The import lines are read as text, not compiled: `import type` / `export type` count as type-only, an
 * import whose names are each marked `type` does not (the bundler may keep it as an import).
 */
import { posix } from 'node:path';

interface FolderRule {
  /** The folders (first segment under src/) the rule applies to. */
  folders: readonly string[];
  /** What they may import besides their own folder: a folder (`shared`) or one module (`exposure/model`). */
  may: readonly string[];
  /** What they may import with `import type` only: erased from the bundle. */
  mayAsTypes?: readonly string[];
  why: string;
}

/** The pure modules an extension page may read: shapes, rules and the constants its forms offer. */
const PAGE_DATA = [
  'shared',
  'tactics',
  'exposure/model',
  'exposure/wellbeing',
  'exposure/messages',
  'export/messages',
  'export/base64',
];

const RULES: readonly FolderRule[] = [
  {
    folders: ['shared'],
    may: [],
    why: 'shared/ is what every part builds on, so it depends on none of them',
  },
  {
    folders: ['content'],
    may: ['shared', 'tactics', 'classifier/index'],
    mayAsTypes: ['classifier', 'messages'],
    why: 'the content script runs in the page: it reaches the service worker through messages, draws its first verdicts with the classifier through its index only, and bundles nothing of the database or the extension pages',
  },
  {
    folders: ['popup', 'dashboard'],
    may: ['ui', ...PAGE_DATA],
    why: 'the extension pages reach the data through ui/client.ts only: never storage, background, the content script or the other page',
  },
  {
    folders: ['ui'],
    may: PAGE_DATA,
    mayAsTypes: ['messages'],
    why: 'ui/ is what the popup and the dashboard share: it reaches the data through messages only',
  },
  {
    folders: ['export'],
    may: ['shared', 'classifier/index', 'tactics/messages', 'exposure/messages'],
    mayAsTypes: ['storage/schema', 'storage/backup-format'],
    why: 'the export runs in the service worker and in Node (npm run anonymize): the classifier through its index only, the database as row types only',
  },
];

/** Where the extension starts: nothing outside each of them imports it. */
const ENTRY_POINTS: readonly string[] = ['background', 'popup', 'dashboard'];

export interface Violation {
  file: string;
  line: number;
  specifier: string;
  message: string;
}

interface ImportLine {
  specifier: string;
  typeOnly: boolean;
  line: number;
}

const STATIC_IMPORT = /^[ \t]*(?:import|export)\s+(type\s+)?(?:[\w$*{}\s,]+?\s+from\s+)?['"]([^'"]+)['"]/gm;
const DYNAMIC_IMPORT = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

export function importsOf(source: string): ImportLine[] {
  const lineAt = (index: number) => source.slice(0, index).split('\n').length;
  const found: ImportLine[] = [];
  for (const match of source.matchAll(STATIC_IMPORT)) {
    found.push({
      specifier: match[2] as string,
      typeOnly: match[1] !== undefined,
      line: lineAt(match.index),
    });
  }
  for (const match of source.matchAll(DYNAMIC_IMPORT)) {
    found.push({ specifier: match[1] as string, typeOnly: false, line: lineAt(match.index) });
  }
  return found;
}

/** The module a relative specifier names, under src/; null for a package or a file outside src/. */
function resolveModule(importer: string, specifier: string, exists: (path: string) => boolean) {
  if (!specifier.startsWith('.')) return null;
  const path = posix.join(posix.dirname(importer), specifier);
  if (!path.startsWith('src/')) return null;
  const module = path.slice('src/'.length);
  if (['.ts', '.tsx'].some((ext) => exists(`${path}${ext}`))) return module;
  if (['.ts', '.tsx'].some((ext) => exists(`${path}/index${ext}`))) return `${module}/index`;
  return module.replace(/\.tsx?$/, '');
}

const folderOf = (module: string) => module.split('/')[0] as string;

const within = (module: string, allowed: readonly string[] = []) =>
  allowed.some((entry) => module === entry || module.startsWith(`${entry}/`));

/** Every import of `files` (path under the repository → source) that breaks a rule. */
export function checkBoundaries(files: ReadonlyMap<string, string>, exists: (path: string) => boolean) {
  const violations: Violation[] = [];
  for (const [file, source] of files) {
    const from = folderOf(file.slice('src/'.length));
    const rule = RULES.find((r) => r.folders.includes(from));
    for (const { specifier, typeOnly, line } of importsOf(source)) {
      const target = resolveModule(file, specifier, exists);
      if (target === null || folderOf(target) === from) continue;
      const report = (message: string) => violations.push({ file, line, specifier, message });
      if (ENTRY_POINTS.includes(folderOf(target))) {
        report(`imports ${target}: ${folderOf(target)}/ is an entry point, imported by nothing outside it`);
      } else if (rule && !within(target, rule.may)) {
        if (!within(target, rule.mayAsTypes)) report(`imports ${target}: ${rule.why}`);
        else if (!typeOnly)
          report(`imports ${target} for more than types (use \`import type\`): ${rule.why}`);
      }
    }
  }
  return violations;
}
