/**
 * The content script's port to the service worker: answers matched to their requests, news checked
 * against the bg→cs vocabulary, and a service-worker restart losing nothing (the unanswered requests go
 * again on a new port, a bounded number of times).
 */
import { describe, expect, it, vi } from 'vitest';

interface FakePort {
  name: string;
  posted: unknown[];
  frameListeners: ((frame: unknown) => void)[];
  disconnectListeners: (() => void)[];
  onMessage: { addListener(listener: (frame: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
  postMessage(frame: unknown): void;
  disconnect(): void;
  /** The service worker stops: the page's side hears of it. */
  drop(): void;
  answer(id: number, reply: unknown): void;
}

const ports: FakePort[] = [];
const runtime = {
  connect({ name }: { name: string }): FakePort {
    const port: FakePort = {
      name,
      posted: [],
      frameListeners: [],
      disconnectListeners: [],
      onMessage: { addListener: (listener) => port.frameListeners.push(listener) },
      onDisconnect: { addListener: (listener) => port.disconnectListeners.push(listener) },
      postMessage: (frame) => port.posted.push(frame),
      disconnect: () => undefined,
      drop: () => {
        for (const listener of port.disconnectListeners) listener();
      },
      answer: (id, reply) => {
        for (const listener of port.frameListeners) listener({ id, reply });
      },
    };
    ports.push(port);
    return port;
  },
};
vi.mock('webextension-polyfill', () => ({ default: { runtime } }));

const { openBackgroundPort, MAX_SENDS } = await import('../../src/content/port');

const status = { type: 'cs→bg:settings' } as const;

describe('openBackgroundPort', () => {
  it('opens one port for many requests, matches each answer to its request, and passes on valid news only', async () => {
    ports.length = 0;
    const pushed: unknown[] = [];
    const port = openBackgroundPort({ onPush: (m) => pushed.push(m), signal: new AbortController().signal });
    const first = port.request(status);
    const second = port.request(status);
    expect(ports).toHaveLength(1);
    const line = ports[0] as FakePort;
    expect(line.posted).toEqual([
      { id: 0, message: status },
      { id: 1, message: status },
    ]);
    line.answer(1, 'second');
    line.answer(0, 'first');
    expect(await first).toBe('first');
    expect(await second).toBe('second');
    const stored = { type: 'bg→cs:stored', sessionId: 's', keys: ['x:1'], stored: true };
    for (const listener of line.frameListeners) {
      listener({ push: stored });
      listener({ push: { type: 'bg→cs:stored', keys: 'x:1' } });
      listener({ push: { type: 'ui→cs:show-comment', commentKey: 'x:1' } });
    }
    expect(pushed).toEqual([stored]);
  });

  it('sends the unanswered requests again on a new port when the service worker restarts', async () => {
    ports.length = 0;
    const port = openBackgroundPort({ onPush: () => undefined, signal: new AbortController().signal });
    const answered = port.request(status);
    const lost = port.request(status);
    (ports[0] as FakePort).answer(0, 'before');
    (ports[0] as FakePort).drop();
    expect(ports).toHaveLength(2);
    expect((ports[1] as FakePort).posted).toEqual([{ id: 1, message: status }]);
    (ports[1] as FakePort).answer(1, 'after');
    expect(await answered).toBe('before');
    expect(await lost).toBe('after');
  });

  it('fails a request after MAX_SENDS ports went away without answering, and opens none while idle', async () => {
    ports.length = 0;
    const port = openBackgroundPort({ onPush: () => undefined, signal: new AbortController().signal });
    const doomed = port.request(status);
    for (let i = 0; i < MAX_SENDS; i++) (ports[i] as FakePort).drop();
    await expect(doomed).rejects.toThrow();
    expect(ports).toHaveLength(MAX_SENDS);
  });
});
