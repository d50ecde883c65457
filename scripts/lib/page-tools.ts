/** Reaching into what a person sees but a locator cannot: closed shadow roots, the toolbar button. */
import type { BrowserContext, Page } from 'playwright-core';

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
    const { node } = await cdp.send('DOM.describeNode', { nodeId, depth: 1, pierce: true });
    const shadow = node.shadowRoots?.[0];
    if (!shadow) throw new Error(`${hostSelector} has no shadow root`);
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
