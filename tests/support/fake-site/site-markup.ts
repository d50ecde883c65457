/**
 * The markup of X and Facebook pages as they are in 2025–2026, built from typed descriptions of what a
 * page shows (pages.ts): the same functions write the saved-page fixtures (`npm run fixtures`) and serve
 * the fake site of the demo and the browser tests, so the two never drift apart. Plain string functions:
 * no Node or DOM APIs.
 */
export * from './facebook-markup';
export * from './markup-text';
export * from './x-markup';
