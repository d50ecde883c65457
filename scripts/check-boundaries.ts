/** `npm run lint` (after Biome): every import of src/ against the folder rules of scripts/lib/boundaries.ts. */
import { readdirSync, readFileSync } from 'node:fs';
import { checkBoundaries } from './lib/boundaries';

const paths = readdirSync('src', { recursive: true, encoding: 'utf8' }).map((path) => `src/${path}`);
const sources = new Map(
  paths.filter((path) => /\.tsx?$/.test(path)).map((path) => [path, readFileSync(path, 'utf8')]),
);
const known = new Set(paths);
const violations = checkBoundaries(sources, (path) => known.has(path));
for (const { file, line, specifier, message } of violations)
  console.error(`${file}:${line} '${specifier}' ${message}`);
if (violations.length > 0) process.exit(1);
console.log(`Import boundaries: ${sources.size} files, no violation.`);
