import { describe, expect, it } from 'vitest';
import { linkPath, resolveUrl } from '../../../src/content/platforms/text';

const BASES = ['https://x.com/acme_fr/status/1', 'https://www.facebook.com/acme/posts/2?comment_id=3'];
const HREFS = [
  '/acme_fr/status/1790000000000005002',
  '/acme_fr',
  '/i/web/status/12/',
  '/a/./b',
  '/a/../b',
  '/a/%2e%2e/b',
  '/a b',
  '/a\\b',
  '/a\tb',
  '//evil.example/acme',
  '/a?x=1#y',
  '/é',
  'acme_fr',
  './acme',
  'https://twitter.com/acme/status/5',
  'javascript:alert(1)',
  ' /acme',
  '/',
  '',
];

describe('linkPath', () => {
  it('gives the origin and path a full URL parse gives, for every kind of link', () => {
    for (const base of BASES)
      for (const href of HREFS) {
        const parsed = resolveUrl(href, base);
        const fast = linkPath(href, new URL(base));
        expect(fast && { origin: fast.origin, pathname: fast.pathname }, `${href} on ${base}`).toEqual(
          parsed && { origin: parsed.origin, pathname: parsed.pathname },
        );
      }
  });

  it('reads nothing from a page that is not http(s)', () => {
    expect(linkPath('/acme', new URL('file:///tmp/page.html'))).toBeNull();
  });
});
