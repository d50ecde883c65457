/**
 * Hostile comment texts and author names: markup, event handlers, `javascript:` links, CSS tricks,
 * direction and zero-width tricks, and sheer size. Each payload that ran would bump `window.__xss`.
 */
import type { FeedText } from '../support/fake-site/feed-pool';

const BUMP = 'window.__xss=(window.__xss||0)+1';

declare global {
  interface Window {
    /** How many payloads ran: set only by a payload that got to run. */
    __xss?: number;
  }
}

export const XSS_CORPUS: readonly FeedText[] = [
  {
    lang: 'fr',
    text: `je sais où tu habites <img src=x onerror="${BUMP}">`,
    name: `<img src=x onerror="${BUMP}">`,
  },
  {
    lang: 'en',
    text: `<script>${BUMP}</script> your refund never arrived`,
    name: `<script>${BUMP}</script>`,
  },
  { lang: 'en', text: `<svg onload="${BUMP}"></svg> you idiots`, name: 'Mallory <b>bold</b>' },
  { lang: 'en', text: `<a href="javascript:${BUMP}">click for a refund</a> javascript:${BUMP}` },
  { lang: 'fr', text: '<style>*{display:none!important}</style> commande jamais reçue' },
  { lang: 'en', text: `"><iframe srcdoc="<script>parent.${BUMP}</script>"></iframe>` },
  { lang: 'en', text: `' onmouseover='${BUMP}' x='` },
  { lang: 'fr', text: 'Facture \u202Efdp.exe\u202C et pa\u200By\u200Bpal\u200D : arnaque !' },
  { lang: 'fr', text: 'Z̷̢̛̛̛̛̛̛̛̛a̸̢̢̢̢̢̢̢̢̢l̴̡̡̡̡̡̡̡̡g̵̨̨̨̨̨̨̨o̶̧̧̧̧̧̧̧ ̷v̸o̵u̴s̸ ̶s̷a̵l̸u̷e̸'.repeat(20) },
  {
    lang: 'en',
    text: `${'All work and no play makes a long comment. '.repeat(2_400)}<img src=x onerror="${BUMP}">`,
  },
  // Template-injection lookalikes: curly braces and a dollar sign that no template may evaluate.
  { lang: 'en', text: `{{constructor.constructor("window.__xss=1")()}} $\{7*7} <!-- --> ]]>` },
];
