/** Reaching into what a person sees but a locator cannot: Desaffect's overlay, the toolbar button. */
import type { BrowserContext, Locator, Page } from 'playwright-core';

type Cdp = Awaited<ReturnType<BrowserContext['newCDPSession']>>;

/**
 * Calls `fn` on Desaffect's overlay: the closed shadow root of the element before <head> that holds one.
 * DevTools reaches into closed roots (a test's own door); the page's scripts cannot. `fn` runs in the
 * page's main world, with the root as argument: it can read the overlay and click its buttons (the
 * extension's listeners run as for the CM's clicks). Chromium only; Firefox tests look at screenshots.
 */
async function callOnOverlay<T, A>(
  cdp: Cdp,
  fn: (root: ShadowRoot, arg: A) => T,
  arg: A,
  returnByValue = true,
): Promise<{ value: T; objectId?: string }> {
  const { root } = await cdp.send('DOM.getDocument', { depth: 2, pierce: true });
  const html = root.children?.find((node) => node.nodeName === 'HTML');
  const host = html?.children?.find((node) => node.shadowRoots?.some((s) => s.shadowRootType === 'closed'));
  const shadow = host?.shadowRoots?.[0];
  if (!shadow) throw new Error('No Desaffect overlay in the page');
  const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
  const { result, exceptionDetails } = await cdp.send('Runtime.callFunctionOn', {
    objectId: object.objectId,
    // tsx (the npm scripts) names inner functions with an `__name` helper the page does not have.
    functionDeclaration: `function (arg) { const __name = (f) => f; return (${fn.toString()})(this, arg); }`,
    arguments: [{ value: arg }],
    returnByValue,
    awaitPromise: true,
  });
  if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
  return { value: result.value as T, objectId: result.objectId };
}

/** Runs `fn` on the overlay's closed shadow root (see callOnOverlay) and returns its result. */
export async function inOverlay<T, A>(page: Page, fn: (root: ShadowRoot, arg: A) => T, arg: A): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  try {
    return (await callOnOverlay(cdp, fn, arg)).value;
  } finally {
    await cdp.detach();
  }
}

/**
 * The label of each badge the overlay draws, by comment key. Only inside the overlay's closed shadow
 * root: the site's own scripts cannot read Desaffect's verdicts. Only comments on screen have one.
 */
export async function badgeLabels(page: Page): Promise<Map<string, string>> {
  const pairs = await inOverlay(
    page,
    (root) =>
      [...root.querySelectorAll<HTMLElement>('button.badge[data-key]')].map((badge) => [
        badge.dataset.key ?? '',
        badge.dataset.label ?? '',
      ]),
    null,
  );
  return new Map(pairs as [string, string][]);
}

export interface OverlayBox {
  key: string;
  left: number;
  top: number;
  width: number;
  height: number;
}

/** What the overlay draws now: the badges (with their labels), the shield panels, the card, the ring. */
export interface OverlayView {
  badges: (OverlayBox & { label: string; tabIndex: number; expanded: boolean; name: string })[];
  shields: OverlayBox[];
  card: (OverlayBox & { text: string }) | null;
  /** The ring around the comment the popup asked to show. */
  ring: OverlayBox | null;
}

export function overlayView(page: Page): Promise<OverlayView> {
  return inOverlay(
    page,
    (root) => {
      const box = (element: HTMLElement) => {
        const { left, top, width, height } = element.getBoundingClientRect();
        return { key: element.dataset.key ?? '', left, top, width, height };
      };
      // The words an element shows: its text, and those drawn by the stylesheet from `data-say`.
      const shown = (node: Node): string =>
        node.nodeType === Node.TEXT_NODE
          ? ((node as Text).data ?? '')
          : ((node as HTMLElement).dataset?.say ?? '') + [...node.childNodes].map(shown).join('');
      const card = root.querySelector<HTMLElement>('.card');
      const ring = root.querySelector<HTMLElement>('.ring:not([hidden])');
      return {
        badges: [...root.querySelectorAll<HTMLElement>('button.badge[data-key]')].map((badge) => ({
          ...box(badge),
          label: badge.dataset.label ?? '',
          tabIndex: badge.tabIndex,
          expanded: badge.getAttribute('aria-expanded') === 'true',
          name: badge.getAttribute('aria-label') ?? '',
        })),
        // A shield's panel is larger than any comment and cut to size by its clip (style.ts): its box is
        // what the clip leaves of it.
        shields: [...root.querySelectorAll<HTMLElement>('.shield[data-key]')].map((shield) => {
          const style = getComputedStyle(shield);
          return {
            ...box(shield),
            width: Number.parseFloat(style.getPropertyValue('--width')),
            height: Number.parseFloat(style.getPropertyValue('--height')),
          };
        }),
        card: card ? { ...box(card), text: shown(card) } : null,
        ring: ring ? box(ring) : null,
      };
    },
    null,
  );
}

/** Waits until Desaffect's content script has put its overlay in the page. */
export async function waitForOverlay(page: Page, timeout = 15_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await inOverlay(page, () => true, null).catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`No Desaffect overlay after ${timeout} ms`);
    await page.waitForTimeout(100);
  }
}

/** Waits until the overlay draws a badge for each of `keys` (comments on screen). */
export async function waitForBadges(page: Page, keys: readonly string[], timeout = 20_000): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    // The overlay may not be in the page yet: the content script starts once the page has loaded.
    const view = await overlayView(page).catch(() => null);
    const drawn = new Set(view?.badges.map((badge) => badge.key));
    const missing = keys.filter((key) => !drawn.has(key));
    if (missing.length === 0) return;
    if (Date.now() > deadline) throw new Error(`No badge for ${missing.join(', ')} after ${timeout} ms`);
    await page.waitForTimeout(100);
  }
}

/** Clicks the badge of `key`, as the CM does: its card opens (returns its text) or closes (''). */
export async function toggleCard(page: Page, key: string): Promise<string> {
  const opened = await inOverlay(
    page,
    async (root, wanted) => {
      const badge = [...root.querySelectorAll<HTMLElement>('button.badge[data-key]')].find(
        (b) => b.dataset.key === wanted,
      );
      if (!badge) throw new Error(`No badge for ${wanted}`);
      const card = () => root.querySelector<HTMLElement>(`.card[data-key="${wanted}"]`);
      const wasOpen = card() !== null;
      badge.click();
      for (let i = 0; i < 200 && (card() !== null) === wasOpen; i++)
        await new Promise((r) => requestAnimationFrame(r));
      return card() !== null;
    },
    key,
  );
  return opened ? ((await overlayView(page)).card?.text ?? '') : '';
}

/**
 * Notes when the overlay first draws each badge, by comment key (`performance.now()` of the page, the
 * clock the fake site's insertion times use), until `stop()`: a MutationObserver on the closed root,
 * installed through DevTools, so the content script carries no timing code of its own. A badge is drawn
 * as a new element or as one kept out of sight that gets the comment's key.
 */
export async function recordBadgeTimes(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  const { objectId } = await callOnOverlay(
    cdp,
    (root) => {
      const times: Record<string, number> = {};
      const note = (element: HTMLElement, now: number) => {
        const key = element.matches('button.badge') ? element.dataset.key : undefined;
        if (key && !(key in times)) times[key] = now;
      };
      new MutationObserver((records) => {
        const now = performance.now();
        for (const record of records) {
          if (record.type === 'attributes') note(record.target as HTMLElement, now);
          for (const added of record.addedNodes) {
            if (!(added instanceof HTMLElement)) continue;
            for (const badge of [added, ...added.querySelectorAll<HTMLElement>('button.badge')])
              note(badge, now);
          }
        }
      }).observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-key'] });
      return times;
    },
    null,
    false,
  );
  return {
    async times(): Promise<Record<string, number>> {
      const { result } = await cdp.send('Runtime.callFunctionOn', {
        objectId,
        functionDeclaration: 'function () { return this; }',
        returnByValue: true,
      });
      return result.value as Record<string, number>;
    },
    stop: () => cdp.detach(),
  };
}

/**
 * Clicks Desaffect's toolbar button for the tab showing `page`, as the CM would: the popup opens and the
 * browser grants the extension `activeTab` on that tab (needed for the escalation kit's screenshot).
 */
export async function clickToolbarButton(
  context: BrowserContext,
  extensionId: string,
  page: Page,
): Promise<void> {
  const browser = context.browser();
  if (!browser) throw new Error('No browser-level DevTools session');
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { targetInfos } = await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] });
    const tab = targetInfos.find((target) => target.url === page.url());
    if (!tab) throw new Error(`No tab target for ${page.url()}`);
    await cdp.send('Extensions.triggerAction', { id: extensionId, targetId: tab.targetId });
  } finally {
    await cdp.detach();
  }
}

/** Opens one comment of the popup's queue (its line is a button), unless it is open already. */
export async function openItem(item: Locator): Promise<void> {
  const line = item.locator('button.line');
  if ((await line.getAttribute('aria-expanded')) !== 'true') await line.click();
  await item.locator('.detail').waitFor();
}

/** The comment key (`platform:id`) of reply `index` on the fake site showing `page`. */
export function replyKey(page: Page, index: number): Promise<string> {
  return page.evaluate(
    (i) => `${location.hostname === 'x.com' ? 'x' : 'facebook'}:${window.demoFeed.idOf(i)}`,
    index,
  );
}

/**
 * Scrolls reply `index` into view and waits for its badge (the overlay draws only the comments near the
 * window); returns its key.
 */
export async function showReply(page: Page, index: number, timeout = 20_000): Promise<string> {
  const key = await replyKey(page, index);
  await page.evaluate((i) => window.demoFeed.scrollTo(i), index);
  await waitForBadges(page, [key], timeout);
  return key;
}
