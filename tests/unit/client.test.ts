/**
 * The pages' one client: a message the service worker refuses at its boundary gets no answer, which
 * Chromium resolves as undefined (measured in Chromium 156); the pages must take it as a failure, not as
 * "saved".
 */
import { describe, expect, it, vi } from 'vitest';

const sendMessage = vi.hoisted(() => vi.fn<(message: unknown) => Promise<unknown>>());
vi.mock('webextension-polyfill', () => ({ default: { runtime: { sendMessage } } }));

const { ask, NoAnswer } = await import('../../src/ui/client');

describe('ask', () => {
  it('fails when the service worker gives no answer', async () => {
    sendMessage.mockResolvedValue(undefined);
    await expect(ask({ type: 'ui→bg:snooze-nudges' })).rejects.toBeInstanceOf(NoAnswer);
  });

  it('passes on every answer, null included (a transfer part that is gone)', async () => {
    sendMessage.mockResolvedValue(null);
    expect(await ask({ type: 'ui→bg:transfer-part', transferId: 't', index: 0 })).toBeNull();
    sendMessage.mockResolvedValue({ ok: true });
    expect(await ask({ type: 'ui→bg:snooze-nudges' })).toEqual({ ok: true });
  });
});
