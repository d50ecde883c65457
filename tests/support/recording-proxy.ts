/**
 * An HTTP(S) proxy for the browser tests that records every request the browser makes. Requests to the
 * local sites are tunnelled to the feed server; anything else is refused and kept as a violation: the
 * extension must never reach the network.
 */
import { createServer, type Server } from 'node:http';
import { connect, type Socket } from 'node:net';

/**
 * Chromium's own background calls (sign-in, component and time updates), made with or without any
 * extension even with --disable-background-networking (checked with a bare profile). They are the
 * browser's, so they are not counted against the extension; the extension's own contexts are also
 * watched request by request in the tests (tests/browser/harness.ts).
 */
const BROWSER_OWN_HOST = /(^|\.)(google\.com|googleapis\.com|gvt1\.com)$/;

function hostOf(request: string): string {
  try {
    return request.includes('://') ? new URL(request).hostname : request.replace(/:\d+$/, '');
  } catch {
    return request;
  }
}

export interface RecordingProxy {
  port: number;
  /** Every `host:port` (CONNECT) or URL (plain HTTP) the browser asked for, in order. */
  requests: string[];
  /** The ones that were neither for the local test server nor the browser's own background calls. */
  violations(): string[];
  close(): Promise<void>;
}

export async function startRecordingProxy(options: { localHosts: readonly string[]; upstreamPort: number }) {
  const local = new Set(options.localHosts);
  const requests: string[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((request, response) => {
    requests.push(request.url ?? '');
    response.writeHead(403).end('Desaffect test proxy: plain HTTP is not expected.');
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    // The browser may reset a connection at any time (a refused tunnel, a closed tab): that is no failure
    // of the test, and an 'error' without a listener would crash the test run.
    socket.on('error', () => socket.destroy());
  });
  server.on('connect', (request, clientSocket: Socket, head) => {
    const target = request.url ?? '';
    requests.push(target);
    clientSocket.on('error', () => clientSocket.destroy());
    const host = target.replace(/:\d+$/, '');
    if (!local.has(host)) {
      clientSocket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = connect(options.upstreamPort, '127.0.0.1', () => {
      clientSocket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(clientSocket);
      clientSocket.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => clientSocket.destroy());
    clientSocket.on('close', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    requests,
    violations: () => requests.filter((r) => !local.has(hostOf(r)) && !BROWSER_OWN_HOST.test(hostOf(r))),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  } satisfies RecordingProxy;
}
