/** Reaching into what a person sees but a locator cannot: closed shadow roots, the toolbar button. */
import type { BrowserContext, Locator, Page } from 'playwright-core';

type Cdp = Awaited<ReturnType<BrowserContext['newCDPSession']>>;

/** Calls `fn` on the closed shadow root of the element `nodeId` (DevTools can pierce closed roots). */
async function callInShadow<T, A>(
  cdp: Cdp,
  nodeId: number,
  fn: (root: ShadowRoot, arg: A) => T,
  arg: A,
): Promise<T> {
  const { node } = await cdp.send('DOM.describeNode', { nodeId, depth: 1, pierce: true });
  const shadow = node.shadowRoots?.[0];
  if (!shadow) throw new Error(`<${node.localName}> has no shadow root`);
  const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
  const { result, exceptionDetails } = await cdp.send('Runtime.callFunctionOn', {
    objectId: object.objectId,
    functionDeclaration: `function (arg) { return (${fn.toString()})(this, arg); }`,
    arguments: [{ value: arg }],
    returnByValue: true,
    awaitPromise: true,
  });
  if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
  return result.value as T;
}

/**
 * Runs `fn` on the closed shadow root of the first element matching `hostSelector`, in the page's main
 * world (DevTools can pierce closed roots; page scripts cannot). Used to click and read badge cards.
 */
export async function inShadow<T, A>(
  page: Page,
  hostSelector: string,
  fn: (root: ShadowRoot, arg: A) => T,
  arg: A,
): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: hostSelector });
    if (!nodeId) throw new Error(`No element matches ${hostSelector}`);
    return await callInShadow(cdp, nodeId, fn, arg);
  } finally {
    await cdp.detach();
  }
}

/**
 * The label each badge on the page shows, by comment key. It is only inside the badges' closed shadow
 * roots: the site's own scripts cannot read Desaffect's verdicts.
 */
export async function badgeLabels(page: Page): Promise<Map<string, string>> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', {
      nodeId: root.nodeId,
      selector: '[data-desaffect-badge]',
    });
    const labels = new Map<string, string>();
    for (const nodeId of nodeIds) {
      const { attributes = [] } = (await cdp.send('DOM.describeNode', { nodeId })).node;
      const key = attributes[attributes.indexOf('data-desaffect-badge') + 1] ?? '';
      const label = await callInShadow(
        cdp,
        nodeId,
        (shadow) => shadow.querySelector<HTMLElement>('.badge')?.dataset.label ?? '',
        null,
      );
      labels.set(key, label);
    }
    return labels;
  } finally {
    await cdp.detach();
  }
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
