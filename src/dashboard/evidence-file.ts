/**
 * Evidence records as a file a non-technical person opens and prints: one HTML document, one record a page,
 * each with its platform, link, author, times, full text, screenshot (embedded as a data: image) and SHA-256
 * fingerprint. The page is hostile: every field is written as escaped text, the document holds no script,
 * and its Content-Security-Policy forbids any, and any request but its own data: images.
 */
import type { TimePrecision } from '../shared/comment';
import { PLATFORM_NAMES } from '../shared/sites';
import type { EvidenceView } from '../tactics/messages';
import { postedAtFormat, safePermalink, safeScreenshot } from '../ui/format';

/** A string of the CM's catalog, with its substitutions. */
export type Say = (key: string, substitutions?: string | string[]) => string;

export interface EvidenceFileOptions {
  say: Say;
  /** The document's language, and the one its dates are written in. */
  lang: string;
  /** The time zone the dates are written in (default: the computer's). */
  timeZone?: string;
}

/** The record's fingerprint, and the exact text it is the SHA-256 of. */
export interface EvidenceDigest {
  sha256: string;
  hashed: string;
}

const FORMAT = 'desaffect-evidence/1';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text as HTML text or attribute value: nothing in it can open a tag, an attribute or an entity. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character] as string);
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/**
 * The SHA-256 of the record: of a JSON text holding every field the file shows, the screenshot through its
 * own SHA-256 (of its data: URL, as the file embeds it), so that the hashed text can be printed with it.
 */
export async function evidenceDigest(record: EvidenceView): Promise<EvidenceDigest> {
  const screenshot = safeScreenshot(record.screenshot);
  const hashed = JSON.stringify(
    {
      format: FORMAT,
      platform: record.platform,
      permalink: record.permalink,
      authorName: record.authorName,
      authorHandle: record.authorHandle,
      postedAt: record.createdAt,
      postedAtPrecision: record.createdAtPrecision,
      firstSeenAt: iso(record.firstSeen),
      recordedAt: iso(record.at),
      updatedAt: iso(record.updatedAt),
      text: record.text,
      screenshotSha256: screenshot === null ? null : await sha256Hex(screenshot),
      screenshotAt: screenshot === null ? null : iso(record.screenshotAt),
    },
    null,
    1,
  );
  return { sha256: await sha256Hex(hashed), hashed };
}

const STYLE = `
@page { size: A4; margin: 14mm; }
* { box-sizing: border-box; }
body { margin: 0; font: 11pt/1.45 system-ui, sans-serif; color: #111; background: #fff; }
.record { max-width: 182mm; margin: 0 auto; padding: 8mm 0; break-after: page; }
.record:last-child { break-after: auto; }
h1 { font-size: 16pt; margin: 0 0 2mm; }
h2 { font-size: 11pt; margin: 4mm 0 1mm; }
.intro { margin: 0 0 4mm; color: #444; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 1.5mm 5mm; margin: 0; }
dt { font-weight: 700; }
dd { margin: 0; overflow-wrap: anywhere; }
.text { white-space: pre-wrap; border-inline-start: 3px solid #b3261e; padding-inline-start: 3mm; }
figure { margin: 4mm 0 0; break-inside: avoid; }
img { display: block; max-width: 100%; max-height: 105mm; object-fit: contain; border: 1px solid #999; }
figcaption { font-size: 9pt; color: #444; margin-top: 1mm; }
.hash { font: 10pt/1.3 ui-monospace, monospace; overflow-wrap: anywhere; margin: 0; }
.small { font-size: 9pt; color: #444; margin: 1mm 0 0; }
pre { font-size: 8pt; white-space: pre-wrap; overflow-wrap: anywhere; }
@media print { details { display: none; } }
`;

function row(term: string, definition: string, className?: string): string {
  const attribute = className ? ` class="${className}"` : '';
  return `<dt>${escapeHtml(term)}</dt><dd${attribute}>${definition}</dd>`;
}

/** One record, as a page of the document; every value escaped. */
function recordHtml(record: EvidenceView, digest: EvidenceDigest, options: EvidenceFileOptions): string {
  const { say } = options;
  const dates = new Intl.DateTimeFormat(options.lang, {
    dateStyle: 'long',
    timeStyle: 'long',
    timeZone: options.timeZone,
  });
  const when = (ms: number) => escapeHtml(dates.format(ms));
  // A time worked out from what the page showed ("3 h", "12 mars"): said no more precisely than known.
  const estimated = (ms: number, precision: TimePrecision) => {
    const { format, approximate } = postedAtFormat(precision);
    const shown = new Intl.DateTimeFormat(options.lang, {
      year: 'numeric',
      ...format,
      timeZone: options.timeZone,
    }).format(ms);
    return approximate ? say('timeApprox', shown) : shown;
  };
  const link = safePermalink(record.permalink);
  const author = `<bdi>${escapeHtml(record.authorName)}</bdi> (<bdi>${escapeHtml(record.authorHandle)}</bdi>)`;
  const posted = Date.parse(record.createdAt ?? '');
  const precision = record.createdAtPrecision;
  const postedText =
    record.createdAt === null
      ? escapeHtml(say('evidencePostedUnknown'))
      : Number.isNaN(posted)
        ? `<bdi>${escapeHtml(record.createdAt)}</bdi>`
        : precision === null || precision === 'second'
          ? escapeHtml(say('evidencePostedAsGiven', [dates.format(posted), record.createdAt]))
          : escapeHtml(say('evidencePostedEstimated', [estimated(posted, precision), record.createdAt]));
  const screenshot = safeScreenshot(record.screenshot);
  const rows = [
    row(say('evidencePlatform'), escapeHtml(PLATFORM_NAMES[record.platform])),
    row(
      say('evidenceLink'),
      link
        ? `<a href="${escapeHtml(link)}">${escapeHtml(link)}</a>`
        : `<bdi>${escapeHtml(record.permalink ?? '—')}</bdi>`,
    ),
    row(say('evidenceAuthor'), author),
    row(say('evidencePosted'), postedText),
    record.firstSeen === null ? '' : row(say('evidenceFirstSeen'), when(record.firstSeen)),
    row(say('evidenceRecordedAt'), when(record.at)),
    record.updatedAt === record.at ? '' : row(say('evidenceUpdatedAt'), when(record.updatedAt)),
    row(say('evidenceFullText'), escapeHtml(record.text), 'text'),
  ];
  const figure =
    screenshot === null
      ? `<p>${escapeHtml(say('evidenceNoScreenshot'))}</p>`
      : `<figure><img src="${escapeHtml(screenshot)}" alt="${escapeHtml(say('evidenceScreenshotAlt'))}">` +
        `<figcaption>${escapeHtml(say('evidenceScreenshotTaken', dates.format(record.screenshotAt ?? record.updatedAt)))}</figcaption></figure>`;
  return `<article class="record" data-evidence-id="${record.id}">
<h1>${escapeHtml(say('evidenceFileTitle'))}</h1>
<p class="intro">${escapeHtml(say('evidenceFileIntro'))}</p>
<dl>${rows.join('')}</dl>
<h2>${escapeHtml(say('evidenceScreenshot'))}</h2>
${figure}
<h2>${escapeHtml(say('evidenceDigestTitle'))}</h2>
<p class="hash">${digest.sha256}</p>
<p class="small">${escapeHtml(say('evidenceDigestExplained'))}</p>
<details><summary>${escapeHtml(say('evidenceDigestHow'))}</summary><pre>${escapeHtml(digest.hashed)}</pre></details>
</article>`;
}

/** The HTML document of `records`, one a page, in the CM's language. */
export async function evidenceDocument(
  records: readonly EvidenceView[],
  options: EvidenceFileOptions,
): Promise<string> {
  const pages = await Promise.all(
    records.map(async (record) => recordHtml(record, await evidenceDigest(record), options)),
  );
  const title = options.say('evidenceFileTitle');
  return `<!doctype html>
<html lang="${escapeHtml(options.lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${pages.join('\n')}
</body>
</html>
`;
}

/** `desaffect-evidence-x-2026-11-24-12.html`: the platform, the day it was recorded (UTC) and the record. */
export function evidenceFileName(record: EvidenceView): string {
  return `desaffect-evidence-${record.platform}-${new Date(record.at).toISOString().slice(0, 10)}-${record.id}.html`;
}
