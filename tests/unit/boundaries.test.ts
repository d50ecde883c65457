/** The folder rules `npm run lint` applies to src/: a deliberate violation must be reported. */
import { describe, expect, it } from 'vitest';
import { checkBoundaries, importsOf } from '../../scripts/lib/boundaries';

/** A small tree: the files that exist, and the sources of those whose imports are checked. */
const EXISTING = [
  'src/shared/comment.ts',
  'src/storage/db.ts',
  'src/storage/schema.ts',
  'src/classifier/index.ts',
  'src/classifier/engine.ts',
  'src/messages.ts',
  'src/tactics/rules.ts',
  'src/exposure/model.ts',
  'src/exposure/queries.ts',
  'src/ui/client.ts',
  'src/background/main.ts',
  'src/dashboard/Dashboard.tsx',
];

function check(sources: Record<string, string>) {
  const exists = (path: string) => EXISTING.includes(path) || path in sources;
  return checkBoundaries(new Map(Object.entries(sources)), exists).map(
    ({ file, line, specifier }) => `${file}:${line} ${specifier}`,
  );
}

describe('import boundaries', () => {
  it('accepts each folder importing what its rule allows', () => {
    expect(
      check({
        'src/shared/labels.ts':
          "import type { Label } from './comment';\nimport en from '../../public/en.json';",
        'src/content/badge.ts': [
          "import { LABELS } from '../shared/comment';",
          "import { suggestTactics } from '../tactics/rules';",
          "import type { Classification } from '../classifier';",
          "import type { CsToBg } from '../messages';",
          "import browser from 'webextension-polyfill';",
        ].join('\n'),
        'src/popup/Popup.tsx':
          "import { ask } from '../ui/client';\nimport { hostileCount } from '../exposure/model';",
        'src/export/anonymize.ts':
          "import { CLASSIFIER_VERSION } from '../classifier';\nimport type { CommentRow } from '../storage/schema';",
        'src/exposure/handlers.ts': "import { openDb } from '../storage/db';\nexport * from './queries';",
      }),
    ).toEqual([]);
  });

  it('refuses shared/ importing any other folder', () => {
    expect(
      check({ 'src/shared/day.ts': "export const x = 1;\nimport { openDb } from '../storage/db';" }),
    ).toEqual(['src/shared/day.ts:2 ../storage/db']);
  });

  it('lets the content script take the classifier through its index only, and the message union as types', () => {
    expect(
      check({
        'src/content/main.ts': [
          "import { classify } from '../classifier';",
          "import { type Classification } from '../classifier/engine';",
          "import { parseCsToBg } from '../messages';",
          "import { openDb } from '../storage/db';",
          "import type { Label } from '../shared/comment';",
          "import type { Adjustment } from '../classifier/engine';",
        ].join('\n'),
      }),
    ).toEqual([
      'src/content/main.ts:2 ../classifier/engine',
      'src/content/main.ts:3 ../messages',
      'src/content/main.ts:4 ../storage/db',
    ]);
  });

  it('keeps the extension pages to ui/ and pure modules, never storage, background or the other page', () => {
    expect(
      check({
        'src/dashboard/DataSection.tsx': "import type {\n  RestoreResult,\n} from '../storage/db';",
        'src/popup/Popup.tsx': [
          "import { BreakBanner } from '../dashboard/Dashboard';",
          "import { main } from '../background/main';",
          "import type { UiToBg } from '../messages';",
          "import { exposureByDay } from '../exposure/queries';",
        ].join('\n'),
        'src/ui/client.ts': "import { openDb } from '../storage/db';",
      }),
    ).toEqual([
      'src/dashboard/DataSection.tsx:1 ../storage/db',
      'src/popup/Popup.tsx:1 ../dashboard/Dashboard',
      'src/popup/Popup.tsx:2 ../background/main',
      'src/popup/Popup.tsx:3 ../messages',
      'src/popup/Popup.tsx:4 ../exposure/queries',
      'src/ui/client.ts:1 ../storage/db',
    ]);
  });

  it('keeps the export to the classifier index, never its internals', () => {
    expect(
      check({
        'src/export/anonymize-closed.ts':
          "import { PHRASES } from '../classifier/engine';\nimport { CLASSIFIER_VERSION } from '../classifier/index';",
      }),
    ).toEqual(['src/export/anonymize-closed.ts:1 ../classifier/engine']);
  });

  it('makes the entry points importable by nothing outside them', () => {
    expect(check({ 'src/exposure/handlers.ts': "import type { main } from '../background/main';" })).toEqual([
      'src/exposure/handlers.ts:1 ../background/main',
    ]);
  });

  it('reads re-exports, side-effect and dynamic imports, and not strings that look like imports', () => {
    const source = [
      "export { a } from './a';",
      "export type { B } from './b';",
      "import './style.css';",
      "const lazy = () => import('./lazy');",
      'const text = \'import x from "./not-an-import"\';',
      " * import { y } from './comment';",
    ].join('\n');
    expect(importsOf(source)).toEqual([
      { specifier: './a', typeOnly: false, line: 1 },
      { specifier: './b', typeOnly: true, line: 2 },
      { specifier: './style.css', typeOnly: false, line: 3 },
      { specifier: './lazy', typeOnly: false, line: 4 },
    ]);
  });
});
