/**
 * The added main-thread CPU of two builds of the extension, on the bench's stream, each against the same
 * page without the extension streamed side by side with it, in turn, ROUNDS times: what a change to the
 * content script does to that figure, which a single bench run cannot tell from its noise (±2 points a
 * pair). `BUILD_A=dist BUILD_B=/tmp/other npx tsx scripts/compare-builds.ts` (build B with
 * `npx vite build --outDir /tmp/other` from the changed tree).
 */
import type { BrowserContext, Page } from 'playwright-core';
import { launchWithExtension } from '../tests/support/chromium';
import { loadFeedPool } from '../tests/support/fake-site/feed-pool';
import { startFeedServer } from '../tests/support/fake-site/feed-server';
import { openThread, percentile, streamReplies } from './lib/reply-stream';

const PORT = Number(process.env.BENCH_PORT) || 8795;
const ROUNDS = Number(process.env.ROUNDS) || 4;
const REPLIES = Number(process.env.REPLIES) || 2_000;
/** How long a page waits for its first badge before streaming (a build may draw none). */
const FIRST_BADGE_MS = 5_000;

let thread = 1_790_000_000_000_006_000n;

async function open(context: BrowserContext, withExtension: boolean): Promise<Page> {
  thread += 1n;
  return (await openThread(context, withExtension, thread, FIRST_BADGE_MS)).page;
}

/** Main-thread CPU time from now; the function returned says how much went by, in ms. */
async function cpuFrom(page: Page): Promise<() => Promise<number>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const threadTime = async () =>
    (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime')?.value ?? 0;
  const before = await threadTime();
  return async () => ((await threadTime()) - before) * 1000;
}

/** One pair: the page with the build and the page without it, side by side; the added CPU in %. */
async function addedCpu(context: BrowserContext, extensionFirst: boolean): Promise<number> {
  const without = await open(context, false);
  const withBuild = await open(context, true);
  const pages = extensionFirst ? [withBuild, without] : [without, withBuild];
  const finish = await Promise.all(pages.map(cpuFrom));
  await streamReplies(pages, REPLIES);
  const [first, second] = await Promise.all(finish.map((done) => done()));
  for (const page of pages) await page.close();
  const [ext, base] = extensionFirst ? [first, second] : [second, first];
  return (((ext as number) - (base as number)) / (base as number)) * 100;
}

const median = (values: number[]) => percentile(values, 0.5);

async function main(): Promise<void> {
  const server = await startFeedServer({ port: PORT, pool: loadFeedPool() });
  const a = await launchWithExtension({ port: PORT, headless: true, distDir: process.env.BUILD_A ?? 'dist' });
  const b = await launchWithExtension({ port: PORT, headless: true, distDir: process.env.BUILD_B });
  const added = { a: [] as number[], b: [] as number[] };
  try {
    for (let round = 0; round < ROUNDS; round++) {
      // Which build goes first, and which page of a pair, swap from round to round.
      const order = round % 2 === 0 ? (['a', 'b'] as const) : (['b', 'a'] as const);
      for (const side of order)
        added[side].push(await addedCpu((side === 'a' ? a : b).context, round % 4 < 2));
      console.log(
        `round ${round + 1}: A +${added.a.at(-1)?.toFixed(1)} %, B +${added.b.at(-1)?.toFixed(1)} %`,
      );
    }
    const differences = added.b.map((value, i) => value - (added.a[i] as number));
    console.log(
      `added main-thread CPU, median of ${ROUNDS} rounds: A +${median(added.a).toFixed(1)} %, ` +
        `B +${median(added.b).toFixed(1)} %; B − A, round by round: ${differences.map((d) => d.toFixed(1)).join(', ')} points`,
    );
  } finally {
    await a.close();
    await b.close();
    await server.close();
  }
}

void main();
