/**
 * The in-page badge of one comment, and its card: label in words with icon and colour, intensity,
 * "uncertain"; on hover or keyboard focus, the cues behind the decision and the suggested tactics with
 * their ready replies. Everything lives in a closed Shadow DOM (the site's CSS cannot reach in, ours
 * cannot leak out) and every piece of comment-derived text is set with textContent.
 */
import { LABELS, type Label, type Platform } from '../shared/comment';
import { describeCue } from '../shared/cues';
import { LABEL_STYLE } from '../shared/labels';
import { type ActionChoice, describeEscalation, type EscalationResult } from '../tactics/messages';
import { readyReply, replyLanguage } from '../tactics/replies';
import type { Tactic } from '../tactics/rules';
import { tc } from './i18n';
import type { CommentVerdict } from './messages';
import { abortableTimeout } from './timers';

const HOST_ATTRIBUTE = 'data-desaffect-badge';

export interface BadgeContext {
  platform: Platform;
  authorName: string;
  permalink: string | null;
  brand: string;
  interfaceLanguage: string;
  replyTemplates: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Blurred now: the badge offers "Show". */
  shielded: boolean;
  /** Changes whenever the settings shown in the card (language, templates, brand) change. */
  settingsRevision: number;
}

export interface BadgeActions {
  copy(text: string): Promise<boolean>;
  insert(key: string, text: string): Promise<string>;
  log(key: string, choice: ActionChoice): Promise<boolean>;
  /** The evidence record kept, or null when the service worker could not be reached. */
  escalate(key: string): Promise<EscalationResult | null>;
  reveal(key: string): void;
  /** The CM's own label for the comment: the device learns from it. */
  correct(key: string, to: Label): Promise<boolean>;
}

const STYLE = `
:host { all: initial; display: inline-block; position: relative; vertical-align: middle;
  margin-inline-start: 6px; font: 13px/1.4 system-ui, sans-serif; color: #1b1b1b; }
button { font: inherit; cursor: pointer; }
.badge { display: inline-flex; gap: 4px; align-items: center; border: 0; border-radius: 999px;
  padding: 1px 8px; color: #fff; font-weight: 600; font-size: 12px; white-space: nowrap; }
.badge:focus-visible, .card button:focus-visible, .show:focus-visible { outline: 3px solid #1a73e8; outline-offset: 2px; }
.intensity { font-weight: 400; }
.uncertain { font-weight: 400; font-style: italic; }
.show { margin-inline-start: 4px; border: 1px solid #888; border-radius: 999px; background: #fff; padding: 0 8px; }
.card { position: absolute; z-index: 2147483647; inset-inline-start: 0; top: calc(100% + 4px);
  box-sizing: border-box; width: min(26rem, 90vw); max-height: 60vh; overflow: auto; background: #fff; color: #1b1b1b;
  border: 1px solid #c4c7c5; border-radius: 10px; box-shadow: 0 6px 24px rgb(0 0 0 / 0.18);
  padding: 10px 12px; white-space: normal; text-align: start; }
.card[hidden] { display: none; }
.card h3 { font-size: 13px; margin: 6px 0 2px; }
.card ul, .card ol { margin: 0; padding-inline-start: 1.2em; }
.card li { margin: 4px 0; overflow-wrap: anywhere; }
.reply { margin: 4px 0; padding: 4px 8px; border-inline-start: 3px solid #c4c7c5; background: #f6f8fa;
  overflow-wrap: anywhere; white-space: pre-wrap; }
.row { display: flex; flex-wrap: wrap; gap: 4px; margin-top: 4px; }
.row button, .footer button { border: 1px solid #747775; border-radius: 6px; background: #fff; padding: 1px 8px; }
.footer { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 8px; }
.escalate { border-color: #b3261e !important; color: #b3261e; font-weight: 600; }
.status { min-height: 1.2em; margin: 6px 0 0; font-size: 12px; }
`;

/** One stylesheet shared by every badge: a <style> per badge would make the page restyle hundreds of them. */
let sharedSheet: CSSStyleSheet | null | undefined;

function applyStyle(shadow: ShadowRoot): void {
  if (sharedSheet === undefined) {
    try {
      sharedSheet = new CSSStyleSheet();
      sharedSheet.replaceSync(STYLE);
    } catch {
      sharedSheet = null;
    }
  }
  if (sharedSheet) {
    try {
      shadow.adoptedStyleSheets = [sharedSheet];
      return;
    } catch {
      // Firefox refuses sheets built in a content script's world: fall back to a <style>.
    }
  }
  const style = element('style');
  style.textContent = STYLE;
  shadow.append(style);
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function tacticItem(
  tactic: Tactic,
  key: string,
  verdict: CommentVerdict,
  context: BadgeContext,
  actions: BadgeActions,
  say: (text: string) => void,
  signal: AbortSignal,
): HTMLLIElement {
  const item = element('li');
  item.append(
    element('strong', undefined, tc(`tactic_${tactic}`)),
    ' — ',
    tc(`tacticHint_${tactic}`, context.platform === 'x' ? 'X' : 'Facebook'),
  );
  const reply = readyReply(
    tactic,
    replyLanguage(verdict.classification.lang, context.interfaceLanguage),
    {
      brand: context.brand,
      name: context.authorName,
      link: context.permalink ?? '',
      platform: context.platform,
    },
    context.replyTemplates,
  );
  const row = element('div', 'row');
  if (reply !== null) {
    item.append(element('p', 'reply', reply));
    const copy = element('button', undefined, tc('cardCopy'));
    copy.type = 'button';
    copy.addEventListener(
      'click',
      async () => say(tc((await actions.copy(reply)) ? 'cardCopied' : 'cardCopyFailed')),
      { signal },
    );
    row.append(copy);
    if (tactic !== 'share_colleague' && tactic !== 'escalate') {
      const insert = element('button', undefined, tc('cardInsert'));
      insert.type = 'button';
      insert.addEventListener('click', async () => say(tc(await actions.insert(key, reply))), { signal });
      row.append(insert);
    }
  }
  const done = element('button', undefined, tc('cardDidThis'));
  done.type = 'button';
  done.addEventListener(
    'click',
    async () => say(tc((await actions.log(key, tactic)) ? 'cardLogged' : 'cardFailed')),
    { signal },
  );
  row.append(done);
  item.append(row);
  return item;
}

function buildCard(
  key: string,
  verdict: CommentVerdict,
  context: BadgeContext,
  actions: BadgeActions,
  signal: AbortSignal,
) {
  const card = element('div', 'card');
  card.id = 'card';
  card.setAttribute('role', 'group');
  const { classification } = verdict;
  card.setAttribute('aria-label', tc('cardTitle'));
  const status = element('p', 'status');
  status.setAttribute('role', 'status');
  const say = (text: string) => {
    status.textContent = text;
  };

  if (classification.cues.length > 0) {
    card.append(element('h3', undefined, tc('cardWhy')));
    const cues = element('ul');
    for (const cue of classification.cues)
      cues.append(
        element(
          'li',
          undefined,
          describeCue(cue, (key, subs = []) => tc(key, ...subs)),
        ),
      );
    card.append(cues);
  }
  if (verdict.tactics.length > 0) {
    card.append(element('h3', undefined, tc('cardTactics')));
    const list = element('ol');
    for (const tactic of verdict.tactics)
      list.append(tacticItem(tactic, key, verdict, context, actions, say, signal));
    card.append(list);
  }
  const footer = element('div', 'footer');
  if (classification.label === 'threat') {
    const escalate = element('button', 'escalate', tc('cardEscalate'));
    escalate.type = 'button';
    escalate.addEventListener(
      'click',
      async () => {
        const result = await actions.escalate(key);
        say(result ? describeEscalation(result, tc) : tc('cardFailed'));
      },
      { signal },
    );
    footer.append(escalate);
  }
  card.append(element('h3', undefined, tc('cardCorrect')));
  const corrections = element('div', 'row');
  for (const label of LABELS) {
    if (label === classification.label) continue;
    const button = element('button', undefined, tc(`cardCorrectTo_${label}`));
    button.type = 'button';
    button.dataset.correctTo = label;
    button.addEventListener(
      'click',
      async () => say(tc((await actions.correct(key, label)) ? 'cardCorrected' : 'cardFailed')),
      { signal },
    );
    corrections.append(button);
  }
  card.append(corrections);
  const none = element('button', undefined, tc('cardNoAction'));
  none.type = 'button';
  none.addEventListener(
    'click',
    async () => say(tc((await actions.log(key, 'no_action')) ? 'cardLogged' : 'cardFailed')),
    { signal },
  );
  footer.append(none);
  card.append(footer, status);
  return card;
}

/** True for a badge host: the observer does not re-read a comment because its badge was (re)placed. */
export function isBadgeHost(node: Node): boolean {
  return node.nodeType === 1 && (node as Element).hasAttribute(HOST_ATTRIBUTE);
}

/**
 * Makes every badge of `root` transparent, so a screenshot shows the page as the site shows it; returns how
 * to show them again. Transparent, not hidden: an open card keeps its focus and stays open for its status.
 */
export function hideBadges(root: ParentNode): () => void {
  const hosts = [...root.querySelectorAll<HTMLElement>(`[${HOST_ATTRIBUTE}]`)];
  for (const host of hosts) host.style.setProperty('opacity', '0', 'important');
  return () => {
    for (const host of hosts) host.style.removeProperty('opacity');
  };
}

/** Takes every badge out of `root`: the page as it was without Desaffect. */
export function removeBadges(root: ParentNode): void {
  for (const host of root.querySelectorAll(`[${HOST_ATTRIBUTE}]`)) host.remove();
}

/**
 * What each badge host shows, kept here rather than in attributes: the page can read attributes, and the
 * verdicts are the CM's business, not the site's.
 */
const shownState = new WeakMap<Element, string>();

/** Puts (or refreshes) the badge of one comment next to its author line; its listeners end with `signal`. */
export function renderBadge(
  anchor: HTMLElement,
  key: string,
  verdict: CommentVerdict,
  context: BadgeContext,
  actions: BadgeActions,
  signal: AbortSignal,
): void {
  const existing = anchor.parentElement?.querySelector<HTMLElement>(`:scope > [${HOST_ATTRIBUTE}]`) ?? null;
  const { classification } = verdict;
  const state = [
    key,
    classification.label,
    classification.intensity,
    classification.uncertain,
    context.shielded,
    verdict.tactics,
    context.settingsRevision,
  ].join('|');
  if (existing && shownState.get(existing) === state) return;
  existing?.remove();

  const host = document.createElement('span');
  host.setAttribute(HOST_ATTRIBUTE, key);
  shownState.set(host, state);
  const shadow = host.attachShadow({ mode: 'closed' });
  applyStyle(shadow);

  const { icon, colour, messageKey } = LABEL_STYLE[classification.label];
  const label = tc(messageKey);
  const percent = String(Math.round(classification.intensity * 100));
  const badge = element('button', 'badge');
  badge.type = 'button';
  badge.dataset.label = classification.label;
  badge.style.background = colour;
  const iconSpan = element('span', undefined, icon);
  iconSpan.setAttribute('aria-hidden', 'true');
  badge.append(iconSpan, element('span', undefined, label), element('span', 'intensity', `${percent}%`));
  if (classification.uncertain) badge.append(element('span', 'uncertain', tc('badgeUncertain')));
  badge.setAttribute('aria-label', tc('badgeAria', label, percent));
  badge.setAttribute('aria-expanded', 'false');
  const wrap = element('span');
  wrap.append(badge);

  if (context.shielded) {
    const show = element('button', 'show', tc('badgeShow'));
    show.type = 'button';
    show.addEventListener('click', () => actions.reveal(key), { signal });
    wrap.append(show);
  }

  // The card is built on first open: most badges are never opened, and a busy page has hundreds.
  let card: HTMLElement | null = null;
  let cancelClose = () => {};
  const open = () => {
    cancelClose();
    if (!card) {
      card = buildCard(key, verdict, context, actions, signal);
      badge.setAttribute('aria-controls', 'card');
      wrap.append(card);
    }
    card.hidden = false;
    badge.setAttribute('aria-expanded', 'true');
  };
  const close = () => {
    if (card) card.hidden = true;
    badge.setAttribute('aria-expanded', 'false');
  };
  wrap.addEventListener('mouseenter', open, { signal });
  wrap.addEventListener(
    'mouseleave',
    () => {
      cancelClose = abortableTimeout(signal, close, 250);
    },
    { signal },
  );
  wrap.addEventListener('focusin', open, { signal });
  wrap.addEventListener(
    'focusout',
    (event) => {
      if (!wrap.contains(event.relatedTarget as Node | null)) close();
    },
    { signal },
  );
  wrap.addEventListener(
    'keydown',
    (event) => {
      if (event.key === 'Escape') {
        close();
        badge.focus();
      }
    },
    { signal },
  );
  // Clicks inside the card must not reach the site (X opens the post on any click in the tweet).
  wrap.addEventListener('click', (event) => event.stopPropagation(), { signal });
  badge.addEventListener('click', () => (card && !card.hidden ? close() : open()), { signal });

  shadow.append(wrap);
  anchor.after(host);
}
