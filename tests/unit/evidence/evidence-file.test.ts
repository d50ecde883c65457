// @vitest-environment jsdom
/**
 * The evidence file: one self-contained HTML document, one record a page, every field as text (the page
 * that showed the comment is hostile), no script, and each record's SHA-256 of exactly the text it says.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { CATALOGS, formatMessage } from '../../../src/shared/locale';
import type { EvidenceView } from '../../../src/tactics/messages';

vi.mock('webextension-polyfill', () => ({ default: {} }));
const { escapeHtml, evidenceDigest, evidenceDocument, evidenceFileName } = await import(
  '../../../src/dashboard/evidence-file'
);

const say = (lang: 'fr' | 'en') => (key: string, substitutions?: string | string[]) =>
  formatMessage(CATALOGS[lang], key, substitutions === undefined ? [] : [substitutions].flat());

const MARKUP = `<img src=x onerror="alert(1)"></dd><script>alert(2)</script>&amp; ' " <!--`;
const SHOT =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const T0 = Date.UTC(2026, 10, 24, 9);

function record(overrides: Partial<EvidenceView> = {}): EvidenceView {
  return {
    id: 12,
    shielded: true,
    commentKey: 'x:1790000000000000009',
    at: T0,
    updatedAt: T0 + 3_600_000,
    platform: 'x',
    permalink: 'https://x.com/menace_42/status/1790000000000000009',
    authorHandle: `@${MARKUP}`,
    authorName: MARKUP,
    text: `On sait où tu habites.\n${MARKUP}`,
    createdAt: '2026-11-24T08:55:00.000Z',
    createdAtPrecision: 'second',
    firstSeen: T0 - 60_000,
    screenshot: SHOT,
    screenshotAt: T0 + 3_600_000,
    ...overrides,
  };
}

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const options = { say: say('fr'), lang: 'fr', timeZone: 'Europe/Paris' };

describe('the evidence file', () => {
  it('shows every field as the text it is: markup-looking text stays text, nothing runs', async () => {
    const html = await evidenceDocument([record()], options);
    const page = parse(html);
    expect(page.querySelectorAll('script, iframe, object, embed, svg')).toHaveLength(0);
    expect([...page.querySelectorAll('img')].map((img) => img.getAttribute('src'))).toEqual([SHOT]);
    expect([...page.querySelectorAll('[onerror], [onload]')]).toHaveLength(0);
    const text = page.querySelector('.text')?.textContent;
    expect(text).toBe(record().text);
    expect(page.querySelector('dl')?.textContent).toContain(`${MARKUP} (@${MARKUP})`);
    // The only markup is the document's own: the hostile text is in it escaped, never raw.
    expect(html).not.toContain('<script>');
    expect(html).toContain(escapeHtml(MARKUP));
    // And if anything slipped through, the document's policy forbids scripts and requests.
    expect(page.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toBe(
      "default-src 'none'; img-src data:; style-src 'unsafe-inline'",
    );
  });

  it('holds platform, link, author, times posted (as given), first seen, recorded and updated, in the CM’s language', async () => {
    const page = parse(await evidenceDocument([record()], options));
    const rows = Object.fromEntries(
      [...page.querySelectorAll('dt')].map((term) => [
        term.textContent,
        term.nextElementSibling?.textContent,
      ]),
    );
    expect(rows).toMatchObject({
      Plateforme: 'X',
      Lien: 'https://x.com/menace_42/status/1790000000000000009',
      Publication:
        '24 novembre 2026 à 09:55:00 UTC+1 (heure donnée par la page\u00a0: 2026-11-24T08:55:00.000Z)',
      'Repéré par Desaffect le': '24 novembre 2026 à 09:59:00 UTC+1',
      'Enregistrée le': '24 novembre 2026 à 10:00:00 UTC+1',
      'Mise à jour le': '24 novembre 2026 à 11:00:00 UTC+1',
    });
    expect(page.querySelector('a')?.getAttribute('href')).toBe(record().permalink);
    expect(page.querySelector('figcaption')?.textContent).toContain('le 24 novembre 2026 à 11:00:00 UTC+1');
    expect(page.documentElement.lang).toBe('fr');
  });

  it('says when the page gave no time, links nothing but a link to the site, embeds no other image', async () => {
    const page = parse(
      await evidenceDocument(
        [
          record({
            createdAt: null,
            createdAtPrecision: null,
            permalink: 'javascript:alert(1)',
            screenshot: 'data:text/html;base64,PHNjcmlwdD4=',
            updatedAt: T0,
          }),
        ],
        { say: say('en'), lang: 'en', timeZone: 'UTC' },
      ),
    );
    const rows = Object.fromEntries(
      [...page.querySelectorAll('dt')].map((term) => [
        term.textContent,
        term.nextElementSibling?.textContent,
      ]),
    );
    expect(rows.Posted).toBe('Not given by the page: the comment was posted before Desaffect first saw it.');
    expect(rows.Link).toBe('javascript:alert(1)');
    expect(rows).not.toHaveProperty('Last updated');
    expect(page.querySelectorAll('a, img')).toHaveLength(0);
    expect(page.body.textContent).toContain('No screenshot could be taken.');
  });

  it('says a time worked out from what the page showed ("3 h") no more precisely than known', async () => {
    const page = parse(
      await evidenceDocument(
        [record({ createdAt: '2026-11-24T07:00:00.000Z', createdAtPrecision: 'hour' })],
        {
          say: say('en'),
          lang: 'en',
          timeZone: 'UTC',
        },
      ),
    );
    const posted = [...page.querySelectorAll('dt')].find((term) => term.textContent === 'Posted');
    expect(posted?.nextElementSibling?.textContent).toBe(
      'about Nov 24, 2026, 7 AM (worked out by Desaffect from what the page showed, such as “3 h” or “12 Mar”, no more precisely than that: 2026-11-24T07:00:00.000Z)',
    );
    // The precision is part of what the fingerprint covers.
    const { hashed } = await evidenceDigest(record({ createdAtPrecision: 'hour' }));
    expect(JSON.parse(hashed)).toMatchObject({ postedAtPrecision: 'hour' });
  });

  it('puts each record on a page of its own', async () => {
    const html = await evidenceDocument([record(), record({ id: 13, platform: 'facebook' })], options);
    const page = parse(html);
    expect([...page.querySelectorAll('.record')].map((r) => r.getAttribute('data-evidence-id'))).toEqual([
      '12',
      '13',
    ]);
    expect(page.querySelector('style')?.textContent).toMatch(/\.record \{[^}]*break-after: page/);
    expect(page.querySelector('style')?.textContent).toContain('@page');
  });

  it('prints the SHA-256 of exactly the text it says is hashed, the screenshot through its own SHA-256', async () => {
    const page = parse(await evidenceDocument([record()], options));
    const { sha256, hashed } = await evidenceDigest(record());
    const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
    expect(page.querySelector('.hash')?.textContent).toBe(sha256);
    expect(sha256).toBe(sha(page.querySelector('details pre')?.textContent ?? ''));
    expect(JSON.parse(hashed)).toEqual({
      format: 'desaffect-evidence/1',
      platform: 'x',
      permalink: record().permalink,
      authorName: MARKUP,
      authorHandle: `@${MARKUP}`,
      postedAt: '2026-11-24T08:55:00.000Z',
      postedAtPrecision: 'second',
      firstSeenAt: '2026-11-24T08:59:00.000Z',
      recordedAt: '2026-11-24T09:00:00.000Z',
      updatedAt: '2026-11-24T10:00:00.000Z',
      text: record().text,
      screenshotSha256: sha(SHOT),
      screenshotAt: '2026-11-24T10:00:00.000Z',
    });
    // Another text, another fingerprint.
    expect((await evidenceDigest(record({ text: 'autre' }))).sha256).not.toBe(sha256);
  });

  it('names the file after the platform, the day and the record', () => {
    expect(evidenceFileName(record())).toBe('desaffect-evidence-x-2026-11-24-12.html');
  });
});
