/**
 * The site plays the hostile page. Its own script records all it can observe of each of its comments —
 * every attribute, computed style and box of every element in it, focus and hover states, mutation
 * records on its nodes, what hit-testing finds over every point of the comment, whether the browser says
 * the comment is visible (IntersectionObserver v2), and Desaffect's one element — before Desaffect draws
 * and after: badges and shields drawn, one threat revealed, the popup pointing at a comment, a badge
 * focused. Nothing may separate a threat or troll from a neutral comment, or a shielded comment from a
 * revealed one: the comments must look to the page exactly as they did without Desaffect, and what the
 * overlay adds (a badge-sized spot that takes clicks) must be the same over every comment. The page also
 * reads the selection and searches the document (`window.find`), both of which reach into closed shadow
 * roots: neither may give it a word Desaffect shows. Last, the page transforms <html>, which carries
 * Desaffect's element with it, and moves that element into a hidden container of its own: every shield
 * must still cover its comment's words, and hit-testing find Desaffect's element over the badges.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedComments, tabIdOf } from '../support/chromium';
import {
  inOverlay,
  openItem,
  overlayView,
  toggleCard,
  waitForBadges,
  waitForOverlay,
} from '../support/page-tools';
import { type Harness, startHarness } from './harness';

/** The first 12 sample replies: customers, trolls, two threats, neutral comments. */
const REPLIES = 12;
const SITES = [
  { platform: 'x', url: 'https://x.com/acme_fr/status/1790000000000000911?live=0&ui=en' },
  { platform: 'facebook', url: 'https://www.facebook.com/acmefrance/posts/pfbid0hostile?live=0&ui=en' },
] as const;

/** What the page sees of one of its comments. */
interface Observed {
  /** Every element of the comment: tag, attributes, computed style, box in page coordinates, states. */
  nodes: string[];
  /** Where, in the comment's box, hit-testing finds something that is not the page's own comment. */
  foreign: { left: number; top: number; right: number; bottom: number; count: number } | null;
}

interface PageView {
  comments: Observed[];
  /** Desaffect's element and the document's own shape, as the page sees them. */
  document: string;
  /** Mutation records on anything since the spy started, described. */
  mutations: string[];
}

declare global {
  interface Window {
    /** The hostile page's recorder (installed by the test as the site's own script). */
    spy: { look(): PageView; visible(): Promise<boolean[]> };
    /** Searches the document's rendered text (non-standard, in Chromium and Firefox). */
    find(text: string): boolean;
  }
}

/** Installs the page's recorder: plain page script, nothing a real site could not run. */
function installSpy(page: Page, replies: number): Promise<void> {
  return page.evaluate((count) => {
    const mutations: MutationRecord[] = [];
    const describe = (r: MutationRecord) =>
      `${r.type} ${r.target instanceof Element ? r.target.localName : r.target.nodeName} ${r.attributeName ?? ''}`;
    const watcher = new MutationObserver((records) => mutations.push(...records));
    watcher.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    const comments = () => Array.from({ length: count }, (_, i) => window.demoFeed.element(i) as HTMLElement);
    const styleOf = (element: Element) => {
      const style = getComputedStyle(element);
      return Array.from(style, (name) => `${name}:${style.getPropertyValue(name)}`).join(';');
    };
    const boxOf = (element: Element) => {
      const r = element.getBoundingClientRect();
      return [r.left + scrollX, r.top + scrollY, r.width, r.height].map((v) => v.toFixed(1)).join(',');
    };
    const STATES = [':hover', ':focus', ':focus-within', ':focus-visible', ':active'];
    const nodeView = (element: Element) =>
      [
        element.localName,
        Array.from(element.attributes, (a) => `${a.name}=${a.value}`).join(' '),
        styleOf(element),
        boxOf(element),
        STATES.filter((state) => element.matches(state)).join(''),
      ].join('|');
    const foreignHits = (comment: HTMLElement) => {
      const box = comment.getBoundingClientRect();
      let found: Observed['foreign'] = null;
      for (let y = Math.max(0, box.top); y < Math.min(innerHeight, box.bottom); y += 2)
        for (let x = Math.max(0, box.left); x < Math.min(innerWidth, box.right); x += 2) {
          const hit = document.elementFromPoint(x, y);
          if (hit === null || comment.contains(hit)) continue;
          const dx = x - box.left;
          const dy = y - box.top;
          found = found
            ? {
                left: Math.min(found.left, dx),
                top: Math.min(found.top, dy),
                right: Math.max(found.right, dx),
                bottom: Math.max(found.bottom, dy),
                count: found.count + 1,
              }
            : { left: dx, top: dy, right: dx, bottom: dy, count: 1 };
        }
      return found;
    };
    const root = document.documentElement;
    window.spy = {
      look: () => ({
        comments: comments().map((comment) => ({
          nodes: [comment, ...comment.querySelectorAll('*')].map(nodeView),
          foreign: foreignHits(comment),
        })),
        document: JSON.stringify({
          children: Array.from(root.children, (child) => [
            nodeView(child),
            child.childNodes.length,
            child.shadowRoot === null,
            child.innerHTML.length,
            child.scrollWidth,
            child.scrollHeight,
          ]),
          size: [root.scrollWidth, root.scrollHeight],
          active: document.activeElement?.localName,
        }),
        // Every record so far, delivered or not: the page's own changes show up in the look they belong to.
        mutations: [...mutations.splice(0), ...watcher.takeRecords()].map(describe),
      }),
      // IntersectionObserver v2: whether the browser says each comment is visible, unobscured.
      visible: () =>
        new Promise<boolean[]>((resolve) => {
          const seen = new Map<Element, boolean>();
          const targets = comments();
          const observer = new IntersectionObserver(
            (entries) => {
              for (const entry of entries)
                seen.set(entry.target, (entry as unknown as { isVisible: boolean }).isVisible);
              if (seen.size < targets.length) return;
              observer.disconnect();
              resolve(targets.map((t) => seen.get(t) ?? false));
            },
            { trackVisibility: true, delay: 100 } as IntersectionObserverInit,
          );
          for (const target of targets) observer.observe(target);
        }),
    };
  }, replies);
}

/** The comment keys of the replies, and the labels and shields Desaffect gave them (read through DevTools). */
async function verdicts(page: Page, platform: string) {
  const keys = await page.evaluate(
    ({ n, p }) => Array.from({ length: n }, (_, i) => `${p}:${window.demoFeed.idOf(i)}`),
    { n: REPLIES, p: platform },
  );
  const view = await overlayView(page);
  const labels = keys.map((key) => view.badges.find((b) => b.key === key)?.label ?? '');
  const shielded = keys.map((key) => view.shields.some((s) => s.key === key));
  return { keys, labels, shielded };
}

/** What differs between two descriptions of a node (`;`- and `|`-separated properties), in short. */
function difference(before: string, after: string): string[] {
  const parts = (text: string) => new Set(text.split(/[;|]/));
  const was = parts(before);
  const is = parts(after);
  return [
    ...[...was].filter((p) => !is.has(p)).map((p) => `- ${p}`),
    ...[...is].filter((p) => !was.has(p)).map((p) => `+ ${p}`),
  ];
}

/** Every comment looks to the page as it did before Desaffect drew anything. */
function expectUnchanged(before: PageView, after: PageView): void {
  expect(after.mutations).toEqual([]);
  expect(difference(before.document, after.document)).toEqual([]);
  after.comments.forEach((comment, i) => {
    const was = before.comments[i]?.nodes ?? [];
    expect(comment.nodes.length).toBe(was.length);
    comment.nodes.forEach((node, n) => {
      expect(difference(was[n] ?? '', node)).toEqual([]);
    });
  });
}

/** What the overlay adds over each comment (one badge-sized spot) is the same whatever the verdict. */
function expectSameSpotEverywhere(view: PageView): void {
  const spots = view.comments.map((c) => c.foreign);
  expect(spots.every((spot) => spot !== null)).toBe(true);
  const sizes = spots.map((spot) => [
    (spot?.right ?? 0) - (spot?.left ?? 0),
    (spot?.bottom ?? 0) - (spot?.top ?? 0),
    spot?.count ?? 0,
  ]);
  const [width, height, count] = sizes[0] as number[];
  for (const [w, h, c] of sizes) {
    expect(Math.abs((w as number) - (width as number))).toBeLessThanOrEqual(2);
    expect(Math.abs((h as number) - (height as number))).toBeLessThanOrEqual(2);
    expect(Math.abs((c as number) - (count as number))).toBeLessThanOrEqual((count as number) / 10);
  }
}

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.close();
});

describe.each(SITES)('a hostile page on $platform', ({ platform, url }) => {
  let page: Page;
  let before: PageView;

  beforeAll(async () => {
    page = await harness.browser.context.newPage();
    // Tall enough for every reply to be on screen at once.
    await page.setViewportSize({ width: 1280, height: 2000 });
    await page.goto(url);
    await page.waitForFunction(() => 'demoFeed' in window);
    // Desaffect runs (its one element is in the page): from now on it may only draw.
    await waitForOverlay(page);
    await installSpy(page, REPLIES);
    // The site adds its replies and looks at them in the same task: before Desaffect can do anything.
    before = await page.evaluate((n) => {
      window.demoFeed.append(n);
      return window.spy.look();
    }, REPLIES);
    // Desaffect has drawn every badge (read through DevTools: the page cannot).
    await waitForBadges(page, (await verdicts(page, platform)).keys);
  });

  it('learns nothing from its comments once Desaffect has badged and shielded them', async () => {
    const { labels, shielded } = await verdicts(page, platform);
    // The sample has threats, trolls and neutral comments, some shielded: there is something to hide.
    expect(labels).toContain('threat');
    expect(labels).toContain('troll');
    expect(labels).toContain('neutral');
    expect(shielded).toContain(true);
    expect(shielded).toContain(false);
    const after = await page.evaluate(() => window.spy.look());
    expectUnchanged(before, after);
    expectSameSpotEverywhere(after);
    // The browser's own visibility report is the same for every comment.
    expect(new Set(await page.evaluate(() => window.spy.visible())).size).toBe(1);
  });

  it('learns nothing when the CM reveals a threat, or when the popup points at one', async () => {
    const { keys, labels, shielded } = await verdicts(page, platform);
    const threat = keys.find((_, i) => labels[i] === 'threat' && shielded[i]) as string;
    await toggleCard(page, threat);
    await inOverlay(
      page,
      (root, key) => root.querySelector<HTMLElement>(`.card[data-key="${key}"] button.show`)?.click(),
      threat,
    );
    await expect.poll(async () => (await overlayView(page)).shields.map((s) => s.key)).not.toContain(threat);
    await toggleCard(page, threat);
    expectUnchanged(before, await page.evaluate(() => window.spy.look()));

    const tabId = await tabIdOf(harness.browser.serviceWorker, url.replace(/\?.*$/, '*'));
    const popup = await harness.browser.context.newPage();
    await popup.goto(harness.extensionUrl(`src/popup/index.html?tab=${tabId}`));
    const item = popup.locator(`li.queue-item[data-key="${threat}"]`);
    await openItem(item);
    await item.getByRole('button', { name: 'Show in the page' }).click();
    await expect.poll(async () => (await overlayView(page)).ring).not.toBeNull();
    await popup.close();
    const pointed = await page.evaluate(() => window.spy.look());
    expectUnchanged(before, pointed);
    expectSameSpotEverywhere(pointed);
  });

  it('learns nothing when the CM moves between badges with the keyboard', async () => {
    await page.bringToFront();
    await page.keyboard.press('Tab');
    await expect.poll(async () => (await overlayView(page)).badges.some((b) => b.tabIndex === 0)).toBe(true);
    const focused = await page.evaluate(() => window.spy.look());
    // The page sees its own first element focused, or Desaffect's: never one of its comments.
    expect(focused.comments.every((c) => c.nodes.every((node) => !node.endsWith('focus-within')))).toBe(true);
    await page.keyboard.press('ArrowDown');
    const moved = await page.evaluate(() => window.spy.look());
    expect(moved.document).toBe(focused.document);
    moved.comments.forEach((comment, i) => {
      expect(comment.nodes).toEqual(focused.comments[i]?.nodes);
    });
  });

  it('learns nothing when the CM selects an open card’s words or copies, nor by searching for what Desaffect shows', async () => {
    const { keys, labels } = await verdicts(page, platform);
    const threat = keys.find((_, i) => labels[i] === 'threat') as string;
    await page.bringToFront();
    await page.evaluate(() => {
      const heard: string[] = [];
      const hear = (event: Event) => heard.push(`${event.type}:${getSelection()?.toString() ?? ''}`);
      document.addEventListener('selectionchange', hear);
      document.addEventListener('copy', hear);
      (window as unknown as { heard: string[] }).heard = heard;
    });
    const words = await toggleCard(page, threat);
    const card = (await overlayView(page)).card;
    expect(card?.key).toBe(threat);
    if (!card) return;
    // Across the card's heading, then from its corner to its far corner.
    await page.mouse.move(card.left + 4, card.top + 12);
    await page.mouse.down();
    await page.mouse.move(card.left + card.width - 4, card.top + 14, { steps: 4 });
    await page.mouse.move(card.left + card.width - 4, card.top + card.height - 4, { steps: 4 });
    await page.mouse.up();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('ControlOrMeta+C');
    // The page's copy listener ran (the event reaches it), and so did everything queued before it.
    await expect
      .poll(() =>
        page.evaluate(() =>
          (window as unknown as { heard: string[] }).heard.some((h) => h.startsWith('copy')),
        ),
      )
      .toBe(true);
    const { selected, heard } = await page.evaluate(() => ({
      selected: getSelection()?.toString() ?? '',
      heard: (window as unknown as { heard: string[] }).heard,
    }));
    // Whatever the page selected of its own, nothing of the card: not one of the words only the card shows.
    const pageText = await page.evaluate(() => document.documentElement.textContent ?? '');
    const cardWords = words.split(/\s+/).filter((word) => word.length > 3 && !pageText.includes(word));
    expect(cardWords.length).toBeGreaterThan(3);
    for (const text of [selected, ...heard]) for (const word of cardWords) expect(text).not.toContain(word);

    // `window.find` searches closed shadow roots' text: none of the words the badges, shields and card
    // show (the page's own words aside) may be found, or the page learns what the open card says.
    const shownWords = await inOverlay(
      page,
      (root) =>
        [...root.querySelectorAll<HTMLElement>('[data-say]')].flatMap((say) =>
          (say.dataset.say ?? '').split(/\s+/),
        ),
      null,
    );
    const searched = [...new Set(shownWords)].filter(
      (word) => /\p{L}{4}/u.test(word) && !pageText.includes(word),
    );
    expect(searched.length).toBeGreaterThan(10);
    const found = await page.evaluate(
      (words) =>
        words.filter((word) => {
          getSelection()?.removeAllRanges();
          return window.find(word);
        }),
      searched,
    );
    expect(found).toEqual([]);
    // The probe can find words: those of the page's own first reply.
    const own = await page.evaluate(() => {
      const word = window.demoFeed.element(0)?.textContent?.match(/\p{L}{5,}/u)?.[0] ?? '';
      getSelection()?.removeAllRanges();
      return { word, found: window.find(word) };
    });
    expect(own.word).not.toBe('');
    expect(own.found).toBe(true);
    await toggleCard(page, threat);
  });

  it('cannot hide a comment from Desaffect by marking it as Desaffect’s own', async () => {
    const key = await page.evaluate((p) => {
      window.demoFeed.append(1);
      const reply = window.demoFeed.element(window.demoFeed.total() - 1) as Element;
      // The attribute the badges' hosts once carried, which made the observer skip a node.
      reply.setAttribute('data-desaffect-badge', 'mine');
      return `${p}:${window.demoFeed.idOf(window.demoFeed.total() - 1)}`;
    }, platform);
    await expect
      .poll(async () => (await storedComments(harness.browser.serviceWorker)).map((row) => row.key), {
        timeout: 15_000,
      })
      .toContain(key);
  });
});

describe('a page that moves Desaffect’s element or the box it is laid out in', () => {
  const url = 'https://x.com/acme_fr/status/1790000000000000977?live=0&ui=en';
  let page: Page;
  let keys: string[];

  /**
   * The shields whose panel does not cover their comment's words, as the CM sees them (window
   * coordinates, a pixel of rounding aside); 'none drawn' until at least one is.
   */
  async function misplacedShields(): Promise<string[]> {
    const { shields } = await overlayView(page);
    const words = await page.evaluate(
      (n) =>
        Array.from({ length: n }, (_, i) => {
          const text = window.demoFeed.element(i)?.querySelector('[data-testid="tweetText"]');
          const { left, top, right, bottom } = text?.getBoundingClientRect() ?? new DOMRect();
          return { left, top, right, bottom };
        }),
      REPLIES,
    );
    if (shields.length === 0) return ['none drawn'];
    return shields
      .filter(({ key, left, top, width, height }) => {
        const box = words[keys.indexOf(key)];
        return (
          !box ||
          left > box.left + 1 ||
          top > box.top + 1 ||
          left + width < box.right - 1 ||
          top + height < box.bottom - 1
        );
      })
      .map(({ key }) => key);
  }

  /** The badges in the window over which the page's own hit-testing does not find Desaffect's element. */
  async function unseenBadges(): Promise<string[]> {
    const { badges } = await overlayView(page);
    return page.evaluate(
      (boxes) =>
        boxes
          .filter(({ top, height }) => top >= 0 && top + height <= innerHeight)
          .filter(
            ({ left, top, width, height }) =>
              document.elementFromPoint(left + width / 2, top + height / 2) !==
              document.documentElement.firstElementChild,
          )
          .map(({ key }) => key),
      badges,
    );
  }

  beforeAll(async () => {
    page = await harness.browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 700 });
    await page.goto(url);
    await page.waitForFunction(() => 'demoFeed' in window);
    await waitForOverlay(page);
    keys = await page.evaluate((n) => {
      window.demoFeed.append(n);
      return Array.from({ length: n }, (_, i) => `x:${window.demoFeed.idOf(i)}`);
    }, REPLIES);
  });

  it('shields cover their comments when the page transforms <html>, and as it scrolls', async () => {
    await page.evaluate(() => window.scrollTo(0, 600));
    await expect.poll(misplacedShields).toEqual([]);
    // Nothing moves on screen, but <html> now holds the fixed element: it is laid out in <html>'s box,
    // which scrolls with the page and ends a window's height down.
    await page.evaluate(() => {
      document.documentElement.style.cssText = 'will-change: transform; height: 100vh';
      window.scrollTo(0, 250);
    });
    await expect.poll(misplacedShields).toEqual([]);
    await expect.poll(unseenBadges).toEqual([]);
    await page.evaluate(() => {
      document.documentElement.style.transform = 'translate(30px, -40px) scale(0.9)';
    });
    await expect.poll(misplacedShields).toEqual([]);
    await page.evaluate(() => window.scrollTo(0, 700));
    await expect.poll(misplacedShields).toEqual([]);
    await expect.poll(unseenBadges).toEqual([]);
    await page.evaluate(() => {
      document.documentElement.style.cssText = '';
    });
    await expect.poll(misplacedShields).toEqual([]);
  });

  it('puts its element back when the page hides it in a container of its own', async () => {
    const threat = keys[(await verdicts(page, 'x')).labels.indexOf('threat')] as string;
    await page.evaluate((i) => window.demoFeed.scrollTo(i), keys.indexOf(threat));
    await page.evaluate(() => {
      const host = document.documentElement.firstElementChild as Element;
      const hidden = document.createElement('div');
      hidden.style.display = 'none';
      document.body.append(hidden);
      hidden.append(host);
      (window as unknown as { moved: Element }).moved = host;
    });
    await expect.poll(misplacedShields).toEqual([]);
    const badge = (await overlayView(page)).badges.find((b) => b.key === threat);
    expect(badge).toBeDefined();
    // The page's own hit-testing finds Desaffect's element over the threat's badge, not its own node.
    const hit = await page.evaluate(
      ({ x, y }) => document.elementFromPoint(x, y) === (window as unknown as { moved: Element }).moved,
      { x: (badge?.left ?? 0) + (badge?.width ?? 0) / 2, y: (badge?.top ?? 0) + (badge?.height ?? 0) / 2 },
    );
    expect(hit).toBe(true);
  });

  it('puts it back once a frame at most when the page keeps moving it', async () => {
    const moves = await page.evaluate(async () => {
      const host = (window as unknown as { moved: Element }).moved;
      const hidden = document.createElement('div');
      hidden.style.display = 'none';
      document.body.append(hidden);
      let count = 0;
      const jailer = new MutationObserver(() => {
        if (host.parentNode === hidden) return;
        count += 1;
        hidden.append(host);
      });
      jailer.observe(document.documentElement, { childList: true });
      hidden.append(host);
      for (let frame = 0; frame < 30; frame++) await new Promise((drawn) => requestAnimationFrame(drawn));
      jailer.disconnect();
      return count;
    });
    // Desaffect took it back again and again, and neither side looped: one move a frame, or about.
    expect(moves).toBeGreaterThan(5);
    expect(moves).toBeLessThanOrEqual(32);
    await expect.poll(misplacedShields).toEqual([]);
  });
});
