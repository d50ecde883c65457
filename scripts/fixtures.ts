/**
 * Writes the saved-page fixtures (tests/fixtures/x, tests/fixtures/facebook) from their descriptions in
 * tests/support/fake-site/pages.ts, the ones the fake site serves too. A unit test checks that the
 * committed files are what this writes: edit the descriptions, run `npm run fixtures`, commit both.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { FIXTURES } from '../tests/support/fake-site/pages';

const ROOT = join(import.meta.dirname, '..', 'tests', 'fixtures');

const described = new Set(FIXTURES.map((fixture) => fixture.file));
for (const site of ['x', 'facebook']) {
  for (const name of readdirSync(join(ROOT, site))) {
    const file = `${site}/${name}`;
    if (name.endsWith('.html') && !described.has(file)) {
      rmSync(join(ROOT, file));
      console.log(`removed ${file} (no description)`);
    }
  }
}
for (const fixture of FIXTURES) {
  const path = join(ROOT, fixture.file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, fixture.html);
  console.log(`wrote ${fixture.file}`);
}
