// @vitest-environment jsdom
/**
 * Property-based: the saved pages of both sites, damaged at random the way a redesign, a half-rendered
 * list or a hostile commenter could damage them (elements dropped, duplicated or moved, attributes and
 * texts replaced with arbitrary strings). The adapters never throw, stay fast, and whatever they still
 * read is well-formed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createKeyTable } from '../../../src/content/key-table';
import { facebookAdapter, type PlatformAdapter, xAdapter } from '../../../src/content/platforms';
import { MAX_TEXT_LENGTH } from '../../../src/shared/comment';
import { SUPPORTED_HOSTS } from '../../../src/shared/sites';

/** Attribute names the adapters read, plus a few they do not. */
const ATTRIBUTES = ['href', 'datetime', 'data-testid', 'role', 'dir', 'aria-label', 'alt', 'lang', 'class'];

/** Strings a damaged page or a hostile commenter could put anywhere. */
const hostileString = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    '/status/',
    '/acme_fr/status/99999999999999999999999999',
    '?comment_id=1&reply_comment_id=',
    'https://x.com/a/status/1',
    'javascript:alert(1)',
    '<img src=x onerror=alert(1)>',
    'tweet',
    'tweetText',
    'User-Name',
    'article',
    '\u202eevil\u202c',
    'Z̸̡̛̗a̴͓͝l̶̰͝g̷̗̈o̸̜͌',
    'not a date',
  ),
);

const mutation = fc.record({
  op: fc.constantFrom('remove', 'duplicate', 'move', 'attribute', 'text', 'long-text'),
  target: fc.nat(),
  other: fc.nat(),
  name: fc.constantFrom(...ATTRIBUTES),
  value: hostileString,
});
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function damage(doc: Document, mutations: readonly Mutation[]): void {
  for (const m of mutations) {
    const all = doc.body.querySelectorAll('*');
    if (all.length === 0) return;
    const target = all[m.target % all.length] as Element;
    const other = all[m.other % all.length] as Element;
    switch (m.op) {
      case 'remove':
        target.remove();
        break;
      case 'duplicate':
        target.after(target.cloneNode(true));
        break;
      case 'move':
        if (!other.contains(target)) target.append(other);
        break;
      case 'attribute':
        target.setAttribute(m.name, m.value);
        break;
      case 'text':
        target.textContent = m.value;
        break;
      case 'long-text':
        target.textContent = m.value.repeat(Math.ceil(120_000 / Math.max(1, m.value.length)));
        break;
    }
  }
}

function fixtures(site: 'x' | 'facebook'): { name: string; html: string; url: URL }[] {
  const dir = join(process.cwd(), 'tests/fixtures', site);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.html'))
    .map((name) => {
      const html = readFileSync(join(dir, name), 'utf8');
      return { name, html, url: new URL(/<!-- saved from url=(\S+) -->/.exec(html)?.[1] ?? '') };
    });
}

function checkAdapter(adapter: PlatformAdapter, site: 'x' | 'facebook'): void {
  const pages = fixtures(site);
  fc.assert(
    fc.property(
      fc.nat({ max: pages.length - 1 }),
      fc.array(mutation, { maxLength: 25 }),
      (pageIndex, mutations) => {
        const page = pages[pageIndex] as (typeof pages)[number];
        const doc = new DOMParser().parseFromString(page.html, 'text/html');
        damage(doc, mutations);
        const started = performance.now();
        const found = adapter.extract(doc, {
          url: page.url,
          ownHandles: ['acme_fr'],
          now: Date.now(),
          memory: createKeyTable(),
        });
        adapter.countPosts(doc);
        adapter.withheld(doc);
        for (const { element } of found) {
          adapter.replyBoxOf(element);
          adapter.replyControlOf(element);
        }
        // Bounded: a guard against a hang or a blow-up, not a speed goal (generous for a loaded CI machine).
        expect(performance.now() - started).toBeLessThan(10_000);
        for (const { comment, element, anchor, bodies } of found) {
          expect(comment.platform).toBe(site);
          expect(comment.id).toMatch(site === 'x' ? /^\d{1,25}$/ : /^[\w:-]{1,200}$/);
          expect(comment.text.length).toBeLessThanOrEqual(MAX_TEXT_LENGTH);
          expect(comment.threadKey.length).toBeGreaterThan(0);
          if (comment.createdAt !== null) expect(Number.isNaN(Date.parse(comment.createdAt))).toBe(false);
          expect(comment.createdAtPrecision === null).toBe(comment.createdAt === null);
          if (comment.permalink !== null) {
            const link = new URL(comment.permalink);
            expect(link.protocol).toBe('https:');
            expect(
              SUPPORTED_HOSTS[link.hostname] ?? (link.hostname === 'facebook.com' ? 'facebook' : null),
            ).toBe(site);
          }
          expect(element.contains(anchor)).toBe(true);
          for (const body of bodies) expect(element.contains(body)).toBe(true);
        }
      },
    ),
    { numRuns: 80, seed: 20261130 },
  );
}

describe('adapters on damaged pages (property-based)', () => {
  it(
    'X: never throws, stays fast, reads only well-formed comments',
    () => checkAdapter(xAdapter, 'x'),
    60_000,
  );
  it(
    'Facebook: never throws, stays fast, reads only well-formed comments',
    () => checkAdapter(facebookAdapter, 'facebook'),
    60_000,
  );
});
