/**
 * Emitted JavaScript as ASCII only. A script with a single emoji is held by V8 as a two-byte string: the
 * content script (1 MB, with the classifier's word lists and emoji table) would take twice the memory in
 * every X and Facebook tab, and be decoded and scanned more slowly as the page starts it.
 *
 * Rolldown's `output.charset: 'ascii'` does this for the chunks Vite writes, but the content script is built
 * by @crxjs/vite-plugin in a secondary build that takes none of our output options; so every emitted `.js`
 * file is escaped here, after the crx plugin has added its own.
 */
import type { Plugin } from 'vite';

/**
 * `code` with every non-ASCII UTF-16 unit written `\uXXXX` (a character outside the BMP becomes its two
 * surrogates). The same program: such escapes mean the same character in string and template literals,
 * regular expressions (a surrogate pair is one code point under the `u` flag) and identifiers. Only a raw
 * template string (`String.raw`) sees the escape as text; this codebase passes those only to `RegExp`,
 * which reads the escape as the character again.
 */
export function escapeNonAscii(code: string): string {
  return code.replace(/[\u0080-\uffff]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function asciiOutput(): Plugin {
  return {
    name: 'desaffect:ascii-output',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (!file.fileName.endsWith('.js')) continue;
        if (file.type === 'chunk') file.code = escapeNonAscii(file.code);
        else
          file.source = escapeNonAscii(
            typeof file.source === 'string' ? file.source : new TextDecoder().decode(file.source),
          );
      }
    },
  };
}
