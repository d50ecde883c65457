/**
 * A CPU profile of the page's main thread while 2,000 replies stream in, the extension loaded (the bench's
 * stream): writes content.cpuprofile in the system's temporary folder (DevTools opens it) and prints where
 * the extension's time goes, by function. Unminified, so that the functions keep their names:
 * `npx vite build --outDir /tmp/desaffect-profile --minify false && DIST_DIR=/tmp/desaffect-profile npx tsx scripts/profile-content.ts`
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchWithExtension } from '../tests/support/chromium';
import { loadFeedPool } from '../tests/support/fake-site/feed-pool';
import { startFeedServer } from '../tests/support/fake-site/feed-server';
import { streamReplies } from './lib/reply-stream';

const PORT = Number(process.env.BENCH_PORT) || 8792;
const COUNT = Number(process.env.PROFILE_REPLIES) || 2_000;

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
  children?: number[];
}

async function main() {
  const server = await startFeedServer({ port: PORT, pool: loadFeedPool() });
  const browser = await launchWithExtension({ port: PORT, headless: true });
  try {
    const page = await browser.context.newPage();
    await page.goto('https://x.com/acme_fr/status/1790000000000005002?live=0');
    await page.waitForFunction(() => 'demoFeed' in window);
    await page.waitForTimeout(1_000);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    await streamReplies([page], COUNT);
    const { profile } = await cdp.send('Profiler.stop');
    writeFileSync(join(tmpdir(), 'content.cpuprofile'), JSON.stringify(profile));
    const nodes = profile.nodes as Node[];
    const dt = (profile.endTime - profile.startTime) / 1000 / (profile.samples?.length ?? 1);
    const self = new Map<string, number>();
    const byUrl = new Map<string, number>();
    for (const node of nodes) {
      const ms = (node.hitCount ?? 0) * dt;
      const { functionName, url, lineNumber } = node.callFrame;
      const where = url.startsWith('chrome-extension://') ? 'ext' : url === '' ? '(native)' : 'page';
      const name = `${where} ${functionName || '(anon)'} ${url.split('/').pop()}:${lineNumber + 1}`;
      self.set(name, (self.get(name) ?? 0) + ms);
      byUrl.set(
        where + (url === '' ? ` ${functionName}` : ''),
        (byUrl.get(where + (url === '' ? ` ${functionName}` : '')) ?? 0) + ms,
      );
    }
    // Inclusive time of extension frames: any sample with an extension frame on its stack.
    const parent = new Map<number, number>();
    for (const node of nodes) for (const child of node.children ?? []) parent.set(child, node.id);
    const byId = new Map(nodes.map((n) => [n.id, n]));
    let extInclusive = 0;
    const extTop = new Map<string, number>();
    for (const node of nodes) {
      const ms = (node.hitCount ?? 0) * dt;
      if (ms === 0) continue;
      let outermost: Node | null = null;
      for (let at: Node | undefined = node; at; at = byId.get(parent.get(at.id) ?? -1))
        if (at.callFrame.url.startsWith('chrome-extension://')) outermost = at;
      if (outermost) {
        extInclusive += ms;
        const name = `${outermost.callFrame.functionName || '(anon)'}:${outermost.callFrame.lineNumber + 1}`;
        extTop.set(name, (extTop.get(name) ?? 0) + ms);
      }
    }
    const print = (title: string, map: Map<string, number>, n: number) => {
      console.log(`\n${title}`);
      for (const [k, v] of [...map].sort((a, b) => b[1] - a[1]).slice(0, n))
        console.log(`${v.toFixed(1).padStart(9)} ms  ${k}`);
    };
    print('self time by origin', byUrl, 12);
    console.log(`\nextension inclusive (JS under an extension frame): ${extInclusive.toFixed(1)} ms`);
    print('extension entry points (inclusive)', extTop, 25);
    print('self time by function', self, 45);
    await cdp.detach();
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
