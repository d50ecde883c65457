import { describe, expect, it } from 'vitest';
import { parseCsToBg, parseUiToBg, routeMessage } from '../../src/messages';

const validComment = {
  platform: 'x',
  id: '123',
  threadKey: '1',
  authorHandle: 'a',
  authorName: 'A',
  text: 'hello',
  createdAt: null,
  createdAtPrecision: null,
  permalink: null,
  isReply: true,
  isOwn: false,
};

const validStatus = {
  platform: 'x',
  url: 'https://x.com/a/status/1',
  postsVisible: 1,
  commentsRead: 1,
  since: 1,
  withheld: { places: 2, replies: 0, mostRelevantOnly: false },
};

describe('message validation at the service worker boundary', () => {
  it('accepts a well-formed cs→bg batch, a comment read in the site’s translation too', () => {
    const translated = { ...validComment, id: '2', translated: true };
    const message = {
      type: 'cs→bg:comments-observed',
      sessionId: 'abcdefgh-1234',
      comments: [validComment, translated],
    };
    expect(parseCsToBg(message)).toEqual(message);
  });

  it.each([
    ['an unknown type', { type: 'cs→bg:drop-database' }],
    ['a ui message sent as a content script message', { type: 'ui→bg:summary' }],
    [
      'a comment on an unsupported platform',
      {
        type: 'cs→bg:comments-observed',
        sessionId: 'abcdefgh',
        comments: [{ ...validComment, platform: 'tiktok' }],
      },
    ],
    [
      'a text over the cap',
      {
        type: 'cs→bg:comments-observed',
        sessionId: 'abcdefgh',
        comments: [{ ...validComment, text: 'x'.repeat(100_001) }],
      },
    ],
    [
      'a missing field',
      {
        type: 'cs→bg:comments-observed',
        sessionId: 'abcdefgh',
        comments: [{ ...validComment, id: undefined }],
      },
    ],
    [
      'a time precision the model does not know',
      {
        type: 'cs→bg:comments-observed',
        sessionId: 'abcdefgh',
        comments: [
          { ...validComment, createdAt: '2026-11-25T08:00:00.000Z', createdAtPrecision: 'fortnight' },
        ],
      },
    ],
    [
      'a page status counting hidden replies below zero',
      {
        type: 'cs→bg:page-status',
        status: { ...validStatus, withheld: { places: -1, replies: 0, mostRelevantOnly: false } },
      },
    ],
    ['a non-object', 'cs→bg:comments-observed'],
    ['null', null],
  ])('rejects %s', (_name, message) => {
    expect(parseCsToBg(message)).toBeNull();
  });

  it('accepts ui→bg messages only in their own vocabulary', () => {
    expect(parseUiToBg({ type: 'ui→bg:tab-comments', tabId: 4 })).toEqual({
      type: 'ui→bg:tab-comments',
      tabId: 4,
    });
    expect(parseUiToBg({ type: 'ui→bg:tab-comments', tabId: '4' })).toBeNull();
    expect(parseUiToBg({ type: 'cs→bg:page-status' })).toBeNull();
  });
});

describe('routeMessage: who may speak to the service worker', () => {
  const self = { id: 'desaffect-id', origin: 'chrome-extension://desaffect-id/' };
  const popup = { id: self.id, url: `${self.origin}src/popup/index.html` };
  const contentScript = {
    id: self.id,
    url: 'https://x.com/acme_fr/status/1',
    tab: { id: 7, windowId: 1 },
  };
  const summary = { type: 'ui→bg:summary' };
  const status = { type: 'cs→bg:page-status', status: validStatus };

  it("takes ui→bg from the extension's pages and cs→bg from its content script on a supported site", () => {
    expect(routeMessage(summary, popup, self)).toEqual({ from: 'ui', message: summary });
    expect(routeMessage(status, contentScript, self)).toEqual({
      from: 'cs',
      message: status,
      tab: { id: 7, windowId: 1 },
    });
  });

  it.each([
    ['another extension', summary, { ...popup, id: 'someone-else' }],
    ['a sender without an id (a web page)', summary, { url: 'https://x.com/' }],
    ['a content script asking for a page-only message', summary, contentScript],
    ['a page of the extension speaking as a content script', status, popup],
    [
      'the content script on a site Desaffect does not read',
      status,
      { ...contentScript, url: 'https://evil.example/' },
    ],
    ['a content-script message without a tab', status, { id: self.id, url: contentScript.url }],
    ['a malformed message', { type: 'ui→bg:tab-comments', tabId: '<script>' }, popup],
  ])('ignores %s', (_what, raw, sender) => {
    expect(routeMessage(raw, sender, self)).toBeNull();
  });
});
