/**
 * What the X and Facebook markup builders share: escaping, emoji, rich text, the fixtures' header.
 * Every text value goes through `escapeHtml`: comment text is hostile input.
 */
export type UiLang = 'fr' | 'en';

/** A link inside a post's or comment's text: a mention, a pasted address. */
export interface TextLink {
  href: string;
  text: string;
}

/** What a person wrote: plain text (`\n` between paragraphs), or text and links in order. */
export type RichText = string | readonly (string | TextLink)[];

/** Escapes text for an HTML text node or a double-quoted attribute value. */
export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

const EMOJI = /\p{Extended_Pictographic}(?:\u{FE0F}|\u{200D}\p{Extended_Pictographic}|\p{Emoji_Modifier})*/gu;

/** An emoji's code points as the sites name their emoji images (`1f621`, `1f44d-1f3fd`). */
export function codepoints(emoji: string): string {
  return Array.from(emoji)
    .map((ch) => (ch.codePointAt(0) ?? 0).toString(16))
    .filter((cp) => cp !== 'fe0f')
    .join('-');
}

/** Splits text on emoji: text runs go through `text`, emoji through `emoji` (both get raw values). */
export function withEmoji(
  value: string,
  text: (run: string) => string,
  emoji: (e: string) => string,
): string {
  let out = '';
  let last = 0;
  for (const match of value.matchAll(EMOJI)) {
    const index = match.index ?? 0;
    if (index > last) out += text(value.slice(last, index));
    out += emoji(match[0]);
    last = index + match[0].length;
  }
  if (last < value.length) out += text(value.slice(last));
  return out;
}

/** Rich text as paragraphs, each a list of parts: the `\n`s of its strings split it. */
export function paragraphs(text: RichText): (string | TextLink)[][] {
  const out: (string | TextLink)[][] = [[]];
  for (const part of typeof text === 'string' ? [text] : text) {
    if (typeof part !== 'string') {
      out.at(-1)?.push(part);
      continue;
    }
    part.split('\n').forEach((line, i) => {
      if (i > 0) out.push([]);
      if (line !== '') out.at(-1)?.push(line);
    });
  }
  return out.filter((paragraph) => paragraph.length > 0);
}

/** Where a saved page came from: the first line is the one the unit tests read the page's URL from. */
export function fixtureHeader(url: string, about: readonly string[]): string {
  const lines = about.map((line) => (line === '' ? '' : `  ${line.replaceAll('--', '—')}`)).join('\n');
  return `<!-- saved from url=${url} -->\n<!--\n${lines}\n-->\n`;
}
