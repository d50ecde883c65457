import { describe, expect, it } from 'vitest';
import { parseCsToBg, parseUiToBg } from '../../src/shared/messages';

const validComment = {
  platform: 'x',
  id: '123',
  threadKey: '1',
  authorHandle: 'a',
  authorName: 'A',
  text: 'hello',
  createdAt: null,
  permalink: null,
  isReply: true,
  isOwn: false,
};

describe('message validation at the service worker boundary', () => {
  it('accepts a well-formed cs→bg batch', () => {
    const message = { type: 'cs→bg:comments-observed', sessionId: 'abcdefgh-1234', comments: [validComment] };
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
