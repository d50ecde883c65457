// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createKeyTable } from '../../src/content/key-table';
import { facebookAdapter } from '../../src/content/platforms/facebook';
import type { AdapterContext, PlatformAdapter } from '../../src/content/platforms/types';
import { xAdapter } from '../../src/content/platforms/x';
import { openReplyBox, rangeOf } from '../../src/content/reply-box';
import { facebookReplyBox, xReplyDialog } from '../support/fake-site/site-markup';

function load(path: string): { doc: Document; context: AdapterContext } {
  const html = readFileSync(join(process.cwd(), 'tests/fixtures', path), 'utf8');
  const url = new URL(/<!-- saved from url=(\S+) -->/.exec(html)?.[1] ?? 'https://x.com/');
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return { doc, context: { url, ownHandles: [], now: Date.now(), memory: createKeyTable() } };
}

function fragment(doc: Document, html: string): DocumentFragment {
  const template = doc.createElement('template');
  template.innerHTML = html;
  return template.content;
}

describe('rangeOf', () => {
  const box = () => {
    const element = document.createElement('div');
    element.innerHTML = '<p>Bonjour <b>Léa</b>, merci\u00a0!</p><p>Moi</p>';
    return element;
  };

  it('finds a text across the nodes the editor split it into, no-break spaces read as spaces', () => {
    const range = rangeOf(box(), 'jour Léa, merci !');
    expect(range?.toString()).toBe('jour Léa, merci\u00a0!');
  });

  it('leaves line breaks out, and finds nothing once the text is no longer there whole', () => {
    expect(rangeOf(box(), 'merci !\nMoi')?.toString()).toBe('merci\u00a0!Moi');
    expect(rangeOf(box(), 'Bonjour Léo')).toBeNull();
    expect(rangeOf(box(), '')).toBeNull();
  });
});

describe('openReplyBox', () => {
  /** A comment whose reply control opens a box in it, as the page does: after the click, not during it. */
  function comment(withControl = true, opens = true) {
    const element = document.createElement('div');
    document.body.append(element);
    const clicks: number[] = [];
    const control = document.createElement('button');
    control.addEventListener('click', () => {
      clicks.push(1);
      if (opens) setTimeout(() => element.append(document.createElement('textarea')));
    });
    if (withControl) element.append(control);
    const adapter: Pick<PlatformAdapter, 'replyBoxOf' | 'replyControlOf'> = {
      replyBoxOf: (el) => el.querySelector('textarea'),
      replyControlOf: (el) => el.querySelector('button'),
    };
    return { element, clicks, adapter };
  }

  it('clicks the comment’s reply control and resolves with the box the site then opens', async () => {
    const { element, clicks, adapter } = comment();
    const box = await openReplyBox(adapter, element, new AbortController().signal);
    expect(box?.parentElement).toBe(element);
    expect(clicks).toHaveLength(1);
  });

  it('does not click when the comment’s box is already open', async () => {
    const { element, clicks, adapter } = comment();
    const open = element.appendChild(document.createElement('textarea'));
    expect(await openReplyBox(adapter, element, new AbortController().signal)).toBe(open);
    expect(clicks).toHaveLength(0);
  });

  it('gives null without a reply control, when no box opens in time, or once the script is torn down', async () => {
    const none = comment(false);
    expect(await openReplyBox(none.adapter, none.element, new AbortController().signal)).toBeNull();
    const silent = comment(true, false);
    expect(await openReplyBox(silent.adapter, silent.element, new AbortController().signal, 20)).toBeNull();
    expect(silent.clicks).toHaveLength(1);
    const torn = comment(true, false);
    const teardown = new AbortController();
    const waiting = openReplyBox(torn.adapter, torn.element, teardown.signal, 60_000);
    teardown.abort();
    expect(await waiting).toBeNull();
  });
});

describe('the adapters’ reply boxes', () => {
  it('Facebook: the comment’s own "Reply", and the box opened under it — never the post’s nor another comment’s', () => {
    const { doc, context } = load('facebook/post-dialog-fr.html');
    const comments = facebookAdapter
      .extract(doc, context)
      .filter((c) => !c.comment.isReply && c.element.closest('[role="dialog"]'));
    const [first, second] = comments.map((c) => c.element);
    if (!first || !second) throw new Error('two comments expected in the dialog');
    expect(facebookAdapter.replyControlOf(second)?.textContent).toBe('Répondre');
    // The post's own "Commenter en tant que" box is open, and is nobody's reply box.
    expect(doc.querySelector('[role="dialog"] [role="textbox"]')).not.toBeNull();
    expect(facebookAdapter.replyBoxOf(second)).toBeNull();
    second.parentElement?.append(fragment(doc, facebookReplyBox('Léa', 'fr')));
    const box = facebookAdapter.replyBoxOf(second);
    expect(box?.getAttribute('aria-label')).toBe('Répondre à Léa');
    expect(facebookAdapter.replyBoxOf(first)).toBeNull();
  });

  it('X: the post’s own reply button, and the composer of the dialog opened for that very post', () => {
    const { doc, context } = load('x/conversation-fr.html');
    const posts = xAdapter.extract(doc, context).filter((c) => c.comment.isReply);
    const [one, other] = posts;
    if (!one || !other) throw new Error('two replies expected');
    expect(xAdapter.replyControlOf(one.element)?.getAttribute('data-testid')).toBe('reply');
    expect(xAdapter.replyBoxOf(one.element)).toBeNull();
    const { id, authorHandle, authorName: name, text, createdAt } = one.comment;
    const answered = { id, handle: authorHandle.slice(1), name, text, time: createdAt ?? '' };
    doc.body.append(fragment(doc, xReplyDialog(answered, 'fr')));
    expect(xAdapter.replyBoxOf(one.element)?.getAttribute('data-testid')).toBe('tweetTextarea_0');
    expect(xAdapter.replyBoxOf(other.element)).toBeNull();
  });
});
