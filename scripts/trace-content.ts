/**
 * A Chromium trace of the renderer's main thread while replies stream in, with and without the extension
 * (same stream as the bench): prints the time by trace event, side by side, so what the extension adds to
 * the page's own rendering (style, layout, paint, commit) shows apart from its scripts.
 * `npm run build && npx tsx scripts/trace-content.ts` (PROFILE_REPLIES=600 by default)
 */
import type { Page } from 'playwright-core';
import { launchWithExtension } from '../tests/support/chromium';
import { loadFeedPool } from '../tests/support/fake-site/feed-pool';
import { startFeedServer } from '../tests/support/fake-site/feed-server';
import { plainChromium, streamReplies } from './lib/reply-stream';

const PORT = Number(process.env.BENCH_PORT) || 8792;
const COUNT = Number(process.env.PROFILE_REPLIES) || 600;

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string; functionName?: string } };
}

async function traced(page: Page): Promise<Map<string, number>> {
  await page.goto(
    `https://x.com/acme_fr/status/17900000000000050${10 + Math.floor(Math.random() * 80)}?live=0`,
  );
  await page.waitForFunction(() => 'demoFeed' in window);
  await page.waitForTimeout(1_000);
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: {
      includedCategories: [
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'v8.execute',
        'blink',
        'cc',
        'toplevel',
      ],
    },
  });
  await streamReplies([page], COUNT);
  await cdp.send('Tracing.end');
  await done;
  // The renderer's main thread: the thread with the most RunTask time among those that ran FunctionCall.
  const threadOf = new Map<string, number>();
  for (const e of events)
    if (e.name === 'ParseHTML' || e.name === 'UpdateLayoutTree' || e.name === 'Layout') {
      const k = `${e.pid}:${e.tid}`;
      threadOf.set(k, (threadOf.get(k) ?? 0) + (e.dur ?? 0));
    }
  const main = [...threadOf].sort((a, b) => b[1] - a[1])[0]?.[0];
  const totals = new Map<string, number>();
  const mainEvents = events.filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X');
  totals.set(FRAME_STYLE_AND_LAYOUT, styleAndLayoutInFrames(mainEvents));
  for (const e of mainEvents) {
    const extra =
      e.name === 'FunctionCall' || e.name === 'EvaluateScript'
        ? ` ${(e.args?.data?.url ?? '').startsWith('chrome-extension') ? 'ext' : 'page'} ${e.args?.data?.functionName ?? ''}`
        : '';
    const key = e.name + extra;
    totals.set(key, (totals.get(key) ?? 0) + (e.tdur ?? e.dur ?? 0) / 1000);
    totals.set(`# ${key}`, (totals.get(`# ${key}`) ?? 0) + 1);
  }
  await cdp.detach();
  return totals;
}

/**
 * The style and layout the renderer did in its frames (not forced by a script, nor run in an animation
 * frame callback), in ms. The page without the extension has none: its own `scrollTo` lays it out in the
 * task that adds the replies. So with the extension, this is what the overlay's changes cost the frames —
 * a figure that moves far less between runs than the main thread's CPU time.
 */
function styleAndLayoutInFrames(mainEvents: TraceEvent[]): number {
  const spans = (name: string) =>
    mainEvents
      .filter((e) => e.name === name)
      .map((e) => [e.ts, e.ts + (e.dur ?? 0)] as const)
      .sort((a, b) => a[0] - b[0]);
  const frames = spans('ProxyMain::BeginMainFrame');
  const callbacks = spans('FireAnimationFrame');
  // Frames do not overlap one another: the last one starting before `ts` is the only one that may hold it.
  const inside = (list: (readonly [number, number])[], ts: number, end: number) => {
    let low = 0;
    let high = list.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if ((list[mid] as readonly [number, number])[0] <= ts) {
        found = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    return found >= 0 && (list[found] as readonly [number, number])[1] >= end;
  };
  let total = 0;
  for (const e of mainEvents) {
    if (e.name !== 'UpdateLayoutTree' && e.name !== 'Layout') continue;
    const end = e.ts + (e.dur ?? 0);
    if (inside(frames, e.ts, end) && !inside(callbacks, e.ts, end)) total += (e.tdur ?? e.dur ?? 0) / 1000;
  }
  return total;
}

const FRAME_STYLE_AND_LAYOUT = "style and layout in frames (the overlay's, see above)";

async function main() {
  const server = await startFeedServer({ port: PORT, pool: loadFeedPool() });
  const ext = await launchWithExtension({ port: PORT, headless: true });
  const plain = await plainChromium(PORT);

  try {
    const without = await traced(
      await (
        await plain.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1280, height: 900 } })
      ).newPage(),
    );
    const withExt = await traced(await ext.context.newPage());
    const names = new Set([...without.keys(), ...withExt.keys()]);
    const rows = [...names].map((n) => [n, without.get(n) ?? 0, withExt.get(n) ?? 0] as const);
    rows.sort((a, b) => Math.abs(b[2] - b[1]) - Math.abs(a[2] - a[1]));
    console.log(
      `${FRAME_STYLE_AND_LAYOUT}: without ${without.get(FRAME_STYLE_AND_LAYOUT)?.toFixed(1)} ms, with ${withExt.get(FRAME_STYLE_AND_LAYOUT)?.toFixed(1)} ms`,
    );
    for (const counted of ['ProxyMain::BeginMainFrame', 'FunctionCall ext pass', 'Receive mojo message'])
      console.log(
        `count ${counted}: without ${without.get(`# ${counted}`) ?? 0}, with ${withExt.get(`# ${counted}`) ?? 0}`,
      );
    console.log(
      `${'event (thread time, ms)'.padEnd(60)} ${'without'.padStart(9)} ${'with'.padStart(9)} ${'diff'.padStart(9)}`,
    );
    for (const [n, a, b] of rows.filter(([n]) => !n.startsWith('#')).slice(0, 30))
      console.log(
        `${n.slice(0, 60).padEnd(60)} ${a.toFixed(1).padStart(9)} ${b.toFixed(1).padStart(9)} ${(b - a).toFixed(1).padStart(9)}`,
      );
  } finally {
    await ext.close();
    await plain.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
