/**
 * Shipped JavaScript as ASCII only. A script with a single emoji is held by V8 as a two-byte string: the
 * content script (1 MB, with the classifier's word lists and emoji table) would take twice the memory in
 * every X and Facebook tab, and be decoded and scanned more slowly as the page starts it.
 *
 * The chunks Vite writes are made ASCII by Rolldown itself (`output.charset: 'ascii'` in vite.config.ts),
 * which knows where an escape may stand. The content script comes from a secondary build of
 * @crxjs/vite-plugin that takes none of our output options, and reaches the bundle as an asset: it is
 * escaped here, after the crx plugin has added it.
 */
import { type Plugin, parseAst } from 'vite';

/**
 * `code` with every non-ASCII UTF-16 unit written `\uXXXX` (a character outside the BMP becomes its two
 * surrogates). The same program as long as non-ASCII characters stand only in string and template literals,
 * regular expressions (a surrogate pair is one code point under the `u` flag) and comments, as in the
 * content script; a name may take a BMP escape (`caf\u00e9`) but not surrogates (`\uD835\uDC00`), and the
 * plugin fails the build if one had to. A raw template string (`String.raw`) sees the escape as text: this
 * codebase passes those only to `RegExp`, which reads the escape as the character again.
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
        if (file.type !== 'asset' || !file.fileName.endsWith('.js')) continue;
        const code = escapeNonAscii(
          typeof file.source === 'string' ? file.source : new TextDecoder().decode(file.source),
        );
        // A name with a character outside the BMP cannot take the escapes: fail the build, not the page.
        try {
          parseAst(code);
        } catch (error) {
          throw new Error(`${file.fileName} is no longer valid once made ASCII: ${(error as Error).message}`);
        }
        file.source = code;
      }
    },
  };
}
