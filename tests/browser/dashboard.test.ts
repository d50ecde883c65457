import { mkdirSync, readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_EXPORT_OPTIONS } from '../../src/export/messages';
import { TRANSFER_PART_CHARS } from '../../src/shared/transfer';
import { askExtension, changeSettings, readStore, readTransfer, restoreThrough } from '../support/chromium';
import { backupFileText } from '../support/transfers';
import { openSection, SECTION_LOADED } from './dashboard-sections';
import { type Harness, startHarness } from './harness';

/** `SCREENSHOTS_DIR=docs/screenshots` refreshes the README's pictures; by default the tree stays clean. */
const SCREENSHOTS = process.env.SCREENSHOTS_DIR ?? 'test-output/screenshots';
const DAYS = 30;

let harness: Harness;
let dashboard: Page;

/** What the seeding wrote for today, counted in the service worker's own time zone. */
interface SeedSummary {
  today: string;
  total: number;
  byLabel: Record<string, number>;
  days: number;
  totalTrolls: number;
}

/**
 * ~2,000 comments over 30 days, plus today's activity, a threat with evidence and an escalation, made in
 * the service worker (its time zone decides the days) and written through the dashboard's own restore, as
 * a CM's backup file would be: no test-only route in the extension.
 */
async function seed(harness: Harness, page: Page, days: number): Promise<SeedSummary> {
  const { summary, tables } = await harness.browser.serviceWorker.evaluate(
    (dayCount): { summary: SeedSummary; tables: Record<string, unknown[]> } => {
      const localDay = (ms: number) =>
        new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);
      const now = Date.now();
      const today = localDay(now);
      // Today's comments fit between midnight and now, a minute apart at most: just after midnight too.
      const todayStep = Math.floor(Math.min(60_000, (now - new Date(now).setHours(0, 0, 0, 0)) / 200));
      const labels = ['troll', 'troll', 'unhappy_customer', 'neutral', 'troll', 'neutral', 'threat'];
      const comments: Record<string, unknown>[] = [];
      for (let d = 0; d < dayCount; d += 1) {
        // A heavier day every week, so some days stand above the usual load.
        const perDay = d % 7 === 3 ? 150 : 62;
        for (let i = 0; i < perDay; i += 1) {
          // Spread over the day's hours, today's strictly before now.
          const firstSeen =
            d === 0
              ? now - (i + 1) * todayStep
              : now - d * 86_400_000 + ((i * 7) % 24) * 3_600_000 - 43_200_000;
          const label = labels[(i + d) % labels.length] as string;
          const id = `seed-${d}-${i}`;
          // Every other threat from Facebook's "2 h": written about two hours before it was seen.
          const estimated = label === 'threat' && i % 2 === 0;
          comments.push({
            key: `x:${id}`,
            platform: i % 3 === 0 ? 'facebook' : 'x',
            id,
            threadKey: 'seed',
            authorHandle: `author${i}`,
            authorName: i === 20 ? '<img src=x onerror=alert(1)>' : `Author ${i}`,
            text: `comment ${i} <b>not bold</b>`,
            createdAt: estimated ? new Date(firstSeen - 2 * 3_600_000).toISOString() : null,
            createdAtPrecision: estimated ? 'hour' : null,
            permalink:
              i === 6 ? `https://x.com/author/status/${id}` : i === 13 ? 'javascript:alert(1)' : null,
            isReply: true,
            isOwn: false,
            label,
            scores: { troll: 0, unhappy_customer: 0, threat: 0, neutral: 0, [label]: 1 },
            intensity: 0.5,
            lang: 'fr',
            uncertain: false,
            cues: [],
            version: '2+000000000000',
            firstSeen,
            lastSeen: firstSeen,
            timesSeen: 1,
            lastSessionId: 'seed-session',
            day: localDay(firstSeen),
          });
        }
      }
      const todays = comments.filter((c) => c.day === today);
      // The first day of the dashboard's 30-day window: the rows before it are not in its totals.
      const windowStart = new Date(Date.parse(`${today}T00:00:00Z`) - (dayCount - 1) * 86_400_000)
        .toISOString()
        .slice(0, 10);
      const byLabel: Record<string, number> = { troll: 0, unhappy_customer: 0, threat: 0, neutral: 0 };
      for (const c of todays) byLabel[c.label as string] = (byLabel[c.label as string] ?? 0) + 1;
      return {
        summary: {
          today,
          total: todays.length,
          byLabel,
          days: dayCount,
          totalTrolls: comments.filter((c) => c.label === 'troll' && (c.day as string) >= windowStart).length,
        },
        tables: {
          comments,
          activity: [
            { day: today, platform: 'x', activeMs: 2 * 3_600_000, first: now - 3 * 3_600_000, last: now },
          ],
          evidence: [
            {
              commentKey: 'x:seed-0-6',
              at: now,
              updatedAt: now,
              platform: 'x',
              permalink: 'https://x.com/author/status/seed-0-6',
              authorHandle: 'author6',
              authorName: 'Author 6',
              text: 'comment 6',
              createdAt: null,
              createdAtPrecision: null,
              firstSeen: now - 60_000,
              screenshot: null,
              screenshotAt: null,
            },
          ],
          actions: [
            {
              commentKey: 'x:seed-0-6',
              tactic: 'escalate',
              at: now,
              day: today,
              platform: 'x',
              label: 'threat',
            },
          ],
          checkins: [],
          settings: [],
          corrections: [],
        },
      };
    },
    days,
  );
  const restored = await restoreThrough(page, backupFileText(tables));
  expect(restored).toMatchObject({ ok: true });
  return summary;
}

let seeded: SeedSummary;

beforeAll(async () => {
  harness = await startHarness();
  mkdirSync(SCREENSHOTS, { recursive: true });
  dashboard = await harness.browser.context.newPage();
  // Opening the dashboard makes the service worker open (and create) the database before the seeding.
  await dashboard.goto(harness.extensionUrl('src/dashboard/index.html#today'));
  await dashboard.getByTestId('dash-summary').waitFor();
  seeded = await seed(harness, dashboard, DAYS);
});

afterAll(async () => {
  await harness?.close();
});

const cardCount = (page: Page, label: string) =>
  page.locator(`.cards [data-label=${label}] strong`).textContent();

describe('the exposure dashboard in Chromium', () => {
  it('guides a first run: own accounts and Pages, brand, tu or vous, shield levels, then steps aside', async () => {
    const setup = dashboard.getByTestId('setup');
    await setup.waitFor();
    await setup.getByLabel(/Your own X accounts/).fill('acme_fr');
    await setup.getByLabel(/Brand and product names/).fill('Acme');
    await setup.getByLabel('tu (informal)').check();
    await setup
      .locator('label', { has: dashboard.locator('[data-label=troll]') })
      .locator('select')
      .selectOption('high');
    await setup.getByRole('button', { name: 'Save and start' }).click();
    await expect.poll(() => setup.count()).toBe(0);
    const settings = await askExtension(dashboard, { type: 'ui→bg:get-settings' });
    expect(settings).toMatchObject({
      ownHandles: { x: ['acme_fr'], facebook: [] },
      brandNames: ['Acme'],
      tone: 'tu',
      setupDone: true,
      shield: { troll: 0.5, threat: 0 },
    });
    await dashboard.reload();
    await dashboard.getByTestId('dash-summary').waitFor();
    expect(await dashboard.getByTestId('setup').count()).toBe(0);
  });

  it('switches language as soon as the settings are saved, navigation included, with no reload', async () => {
    await dashboard.goto(harness.extensionUrl('src/dashboard/index.html#settings'));
    const form = dashboard.locator('section[data-section=settings] form.settings');
    await form.getByLabel('Language').selectOption('fr');
    await form.getByRole('button', { name: 'Save', exact: true }).click();
    await dashboard.getByRole('link', { name: 'Historique' }).waitFor();
    expect(await dashboard.locator('h2#section-heading').textContent()).toBe('Réglages');
    expect(await dashboard.evaluate(() => document.documentElement.lang)).toBe('fr');
    await form.getByLabel('Langue').selectOption('en');
    await form.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await dashboard.getByRole('link', { name: 'History' }).waitFor();
  });

  it('names every heading and landmark once per page (axe: landmark-unique), and opens the report on this week', async () => {
    for (const section of Object.keys(SECTION_LOADED)) {
      await openSection(dashboard, harness.extensionUrl('src/dashboard/index.html'), section);
      const { headings, landmarks } = await dashboard.evaluate(() => {
        const nameOf = (element: Element) =>
          element.getAttribute('aria-label') ??
          (element.getAttribute('aria-labelledby') ?? '')
            .split(' ')
            .map((id) => document.getElementById(id)?.textContent ?? '')
            .join(' ');
        const landmarkSelector =
          'main, nav, header, aside, section[aria-label], section[aria-labelledby], form[aria-label], form[aria-labelledby]';
        return {
          headings: [...document.querySelectorAll('h1, h2')].map((h) => h.textContent),
          landmarks: [...document.querySelectorAll(landmarkSelector)].map((l) => `${l.tagName} ${nameOf(l)}`),
        };
      });
      expect({ section, headings }).toEqual({ section, headings: [...new Set(headings)] });
      expect({ section, landmarks }).toEqual({ section, landmarks: [...new Set(landmarks)] });
    }
    await dashboard.goto(harness.extensionUrl('src/dashboard/index.html#report'));
    await dashboard.getByTestId('dash-report').waitFor();
    expect(await dashboard.getByLabel('Period').inputValue()).toBe('this_week');
  });

  it("shows today's numbers, threats with safe links, and the hourly chart", async () => {
    await dashboard.goto(harness.extensionUrl('src/dashboard/index.html#today'));
    await dashboard.reload();
    await dashboard.getByTestId('dash-summary').waitFor();
    expect(seeded.total).toBeGreaterThan(40);
    for (const label of ['troll', 'threat', 'unhappy_customer', 'neutral']) {
      expect(await cardCount(dashboard, label)).toBe(String(seeded.byLabel[label]));
    }
    const hostile = (seeded.byLabel.troll ?? 0) + (seeded.byLabel.threat ?? 0);
    expect(await dashboard.getByTestId('dash-summary').textContent()).toMatch(
      new RegExp(
        `^${hostile} hostile comments today, [\\d.]+ times your usual day; online since \\d{1,2}:\\d\\d( [AP]M)?\\.$`,
      ),
    );
    expect(await dashboard.getByTestId('dash-online').textContent()).toContain('2 h 00');
    // 24 hourly bars, and today's hostile comments all in them.
    const hours = dashboard.locator('g[data-hour]');
    expect(await hours.count()).toBe(24);
    const threats = dashboard.getByTestId('dash-threats').locator('li');
    expect(await threats.count()).toBe(seeded.byLabel.threat);
    // A time estimated from "2 h" is shown no more precisely than that.
    const posted = await dashboard.getByTestId('threat-posted-at').allTextContents();
    expect(posted.length).toBeGreaterThan(0);
    for (const text of posted) expect(text).toMatch(/^posted about [A-Z][a-z]{2} \d{1,2}, \d{1,2} [AP]M$/);
    // Hostile text stays text; only an https link to a supported site becomes a link.
    expect(await dashboard.locator('main img[src="x"]').count()).toBe(0);
    const links = await dashboard
      .getByTestId('dash-threats')
      .locator('a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    // The threat's own link, and the way to its evidence record in this dashboard.
    expect(links).toEqual(['https://x.com/author/status/seed-0-6', '#evidence']);
    expect(await dashboard.getByTestId('dash-threats').textContent()).toContain('<b>not bold</b>');
    expect(await dashboard.locator('.evidence').count()).toBe(1);
    expect(await dashboard.getByTestId('dash-more-threats').count()).toBe(0);
    await dashboard.screenshot({ path: `${SCREENSHOTS}/dashboard-today.png`, fullPage: true });
  });

  it('renders the 30- and 90-day trends and the weekday × hour heat map', async () => {
    await dashboard.getByRole('link', { name: 'History' }).click();
    await dashboard.getByTestId('dash-trend').waitFor();
    expect(await dashboard.locator('[data-testid=dash-trend] g[data-day]').count()).toBe(30);
    expect(await dashboard.locator('[data-testid=dash-heatmap] g[data-cell]').count()).toBe(7 * 24);
    const totals = dashboard.getByTestId('dash-history-totals');
    expect(
      await totals
        .locator('tr', { has: dashboard.locator('[data-label=troll]') })
        .locator('td')
        .textContent(),
    ).toBe(String(seeded.totalTrolls));
    // The heavier weekly days stand above the usual load.
    expect(
      await dashboard.getByTestId('dash-above-usual').locator('tbody tr').count(),
    ).toBeGreaterThanOrEqual(4);
    await dashboard.screenshot({ path: `${SCREENSHOTS}/dashboard-history.png`, fullPage: true });

    await dashboard.getByRole('button', { name: '90 days' }).click();
    await expect.poll(() => dashboard.locator('[data-testid=dash-trend] g[data-day]').count()).toBe(90);
  });

  it('is keyboard operable: Tab reaches the section links, Enter opens one', async () => {
    await dashboard.goto(harness.extensionUrl('src/dashboard/index.html#today'));
    await dashboard.reload(); // a fresh page: nothing focused yet
    await dashboard.getByTestId('dash-summary').waitFor();
    await dashboard.keyboard.press('Tab');
    await dashboard.keyboard.press('Tab');
    expect(await dashboard.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('#history');
    await dashboard.keyboard.press('Enter');
    await dashboard.getByTestId('dash-trend').waitFor();
    expect(await dashboard.locator('nav a[aria-current=page]').textContent()).toBe('History');
  });

  it('stays readable at 200 % zoom: every section fits a 640 px wide window without sideways scrolling', async () => {
    const zoomed = await harness.browser.context.newPage();
    // A 1,280 px window at 200 % zoom lays pages out in 640 CSS pixels.
    await zoomed.setViewportSize({ width: 640, height: 450 });
    for (const section of Object.keys(SECTION_LOADED)) {
      await openSection(zoomed, harness.extensionUrl('src/dashboard/index.html'), section);
      const overflow = await zoomed.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect({ section, overflow }).toEqual({ section, overflow: 0 });
    }
    // Every section of the navigation was looked at.
    expect(await zoomed.locator('nav a').count()).toBe(Object.keys(SECTION_LOADED).length);
    await zoomed.setViewportSize({ width: 200, height: 450 }); // the 400 px popup at 200 %
    await zoomed.goto(harness.extensionUrl('src/popup/index.html'));
    await zoomed.locator('main section.today').waitFor();
    expect(await zoomed.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBe(0);
    await zoomed.close();
  });

  it('backs up, refuses a corrupt file untouched, deletes everything and restores the backup', async () => {
    await dashboard.goto(harness.extensionUrl('src/dashboard/index.html#data'));
    const before = (await readStore(harness.browser.serviceWorker, 'comments')).length;
    // One hostile comment in 30 minutes is enough for a break suggestion from now on: the banner shows.
    await changeSettings(dashboard, (settings) => ({
      ...settings,
      nudges: { ...settings.nudges, hostileIn30Min: 1 },
    }));
    await dashboard.reload();
    const banner = dashboard.getByTestId('break-banner');
    await banner.waitFor();
    expect(before).toBeGreaterThanOrEqual(2_000);

    const [download] = await Promise.all([
      dashboard.waitForEvent('download'),
      dashboard.getByRole('button', { name: 'Download a backup' }).click(),
    ]);
    const path = await download.path();
    expect(download.suggestedFilename()).toMatch(/^desaffect-backup-\d{4}-\d{2}-\d{2}\.json$/);
    // Larger than one message part: the backup came, and goes back below, in several.
    expect(readFileSync(path, 'utf8').length).toBeGreaterThan(TRANSFER_PART_CHARS);

    const input = dashboard.getByTestId('restore-input');
    await input.setInputFiles({
      name: 'cut.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format":"desaffect-backup","sch'),
    });
    await expect.poll(() => dashboard.getByRole('alert').textContent()).toContain('Nothing was changed');
    expect((await readStore(harness.browser.serviceWorker, 'comments')).length).toBe(before);
    // Settings that are not settings refuse the file, said in plain words, not as a path in it.
    const backup = JSON.parse(readFileSync(path, 'utf8'));
    await input.setInputFiles({
      name: 'oops.json',
      mimeType: 'application/json',
      buffer: Buffer.from(
        JSON.stringify({
          ...backup,
          tables: { ...backup.tables, settings: [{ key: 'settings', value: 'oops' }] },
        }),
      ),
    });
    await expect
      .poll(() => dashboard.getByRole('alert').textContent(), { timeout: 20_000 })
      .toBe('This backup is damaged: row 1 of the settings cannot be used. Nothing was changed.');
    expect((await readStore(harness.browser.serviceWorker, 'comments')).length).toBe(before);

    await dashboard.getByRole('button', { name: 'Delete everything…' }).click();
    await dashboard.getByRole('button', { name: 'Yes, delete everything' }).click();
    await expect
      .poll(async () => (await readStore(harness.browser.serviceWorker, 'comments')).length)
      .toBe(0);
    // The page asks again: the counts say nothing is left, with no reload.
    await expect
      .poll(() => dashboard.getByTestId('dash-storage').textContent())
      .toContain('0 comments, 0 actions');

    await input.setInputFiles(path);
    await expect
      .poll(() => dashboard.getByTestId('data-status').textContent(), { timeout: 20_000 })
      .toMatch(/Backup restored/);
    expect((await readStore(harness.browser.serviceWorker, 'comments')).length).toBe(before);
    // The restored burst of hostile comments brings the banner back, and the counts return, with no reload.
    await banner.waitFor();
    await expect
      .poll(() => dashboard.getByTestId('dash-storage').textContent())
      .toContain(`${before.toLocaleString('en')} comments`);
  });

  it('saves a check-in from the form and snoozes the break banner for today', async () => {
    await dashboard.goto(harness.extensionUrl('src/dashboard/index.html#checkins'));
    await dashboard.reload();
    const form = dashboard.locator('section[data-section=checkins] [data-testid=checkin-form]');
    await form.getByLabel('4 a lot').check();
    await form.getByLabel('tired').check();
    await form.getByRole('textbox').fill('long thread about the delivery');
    await form.getByRole('button', { name: 'Save' }).click();
    await dashboard.getByText('Check-in saved.').waitFor();
    type CheckIn = { score: number; tags: string[]; note: string; trigger: string };
    const checkins = await readStore<CheckIn>(harness.browser.serviceWorker, 'checkins');
    expect(checkins).toEqual([
      expect.objectContaining({
        score: 4,
        tags: ['tired'],
        note: 'long thread about the delivery',
        trigger: 'manual',
      }),
    ]);

    // The seeding put more hostile comments in the last 30 minutes than the default threshold.
    const banner = dashboard.getByTestId('break-banner');
    await banner.waitFor();
    await banner.getByRole('button', { name: 'Not today' }).click();
    await expect.poll(() => banner.count()).toBe(0);
    await dashboard.reload();
    await dashboard.getByTestId('checkin-form').first().waitFor();
    expect(await dashboard.getByTestId('break-banner').count()).toBe(0);
  });

  it('exports in the service worker: a zip fflate reads back, rows in the order its key draws', async () => {
    const draft = (draftId: string, keyByte: number) => ({
      draftId,
      exportKey: Buffer.alloc(32, keyByte).toString('base64'),
      asOf: null,
      options: DEFAULT_EXPORT_OPTIONS,
    });
    const exported = async (draftId: string, keyByte: number) => {
      const preview = await askExtension(dashboard, {
        type: 'ui→bg:export-preview',
        ...draft(draftId, keyByte),
      });
      const reply = await askExtension(dashboard, {
        type: 'ui→bg:export-zip',
        ...draft(draftId, keyByte),
        asOf: preview.asOf,
        fingerprint: preview.fingerprint,
      });
      if (!reply.ok) throw new Error(reply.reason);
      const zip = Buffer.from(await readTransfer(dashboard, reply.transferId, reply.parts), 'base64');
      expect(zip.length).toBe(reply.bytes);
      const files = unzipSync(zip);
      expect(Object.keys(files)).toEqual(preview.files.map(({ name }) => name));
      const rows = strFromU8(files['comments_seen.jsonl'] as Uint8Array)
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(rows).toHaveLength(preview.tables[0]?.total ?? -1);
      expect(Object.keys(rows[0] ?? {})).not.toContain('commenter');
      // The rows without their number, in the order written.
      return rows.map(({ comment_no: _no, ...row }) => JSON.stringify(row));
    };
    const first = await exported('browser-export-1', 1);
    expect(first.length).toBeGreaterThan(100);
    expect(await exported('browser-export-2', 1)).toEqual(first);
    const otherKey = await exported('browser-export-3', 2);
    expect(otherKey).not.toEqual(first);
    expect([...otherKey].sort()).toEqual([...first].sort());
  });

  it('logs active time on a supported site from the content script', async () => {
    const page = await harness.browser.context.newPage();
    await page.goto('https://x.com/acme_fr/status/1790000000000000001?live=0');
    await page.mouse.wheel(0, 200);
    await page.keyboard.press('ArrowDown');
    type Row = { day: string; platform: string; activeMs: number };
    // The tab reports every 30 s.
    await expect
      .poll(
        async () =>
          (await readStore<Row>(harness.browser.serviceWorker, 'activity')).find(
            (row) => row.platform === 'x' && row.day === seeded.today && row.activeMs > 2 * 3_600_000,
          ),
        { timeout: 60_000, interval: 2_000 },
      )
      .toBeTruthy();
  });
});
