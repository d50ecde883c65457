/**
 * The escalation kit's screenshot: the comment's tab brings it into view with its shield lifted, for the
 * capture only; the visible tab is captured and cropped to the comment and some of its surroundings, at the
 * capture's own (full) resolution.
 *
 * The browser allows a capture only while the CM has opened Desaffect from the toolbar on that tab
 * (activeTab: a click in the page grants nothing), and only of the tab in front: a capture of another tab
 * would be false evidence.
 */
import * as v from 'valibot';
import browser from 'webextension-polyfill';
import { type BgToCs, type CaptureFrame, type CaptureReady, captureReadySchema } from '../content/messages';
import { base64ToBytes, bytesToBase64 } from '../export/base64';
import type { CaptureOutcome } from '../tactics/messages';

export interface CommentCapture {
  outcome: CaptureOutcome;
  /** PNG data URL of the comment and its surroundings, when captured. */
  screenshot: string | null;
  /** The comment's text as the page showed it at the capture, when the page still showed the comment. */
  text: string | null;
}

/** Chrome allows two captures a second: the capture that would exceed it waits for the next second. */
const CAPTURE_QUOTA = /MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND/;

async function captureVisible(windowId: number | undefined): Promise<string> {
  try {
    return await browser.tabs.captureVisibleTab(windowId, { format: 'png' });
  } catch (error) {
    if (!CAPTURE_QUOTA.test(String(error))) throw error;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    return browser.tabs.captureVisibleTab(windowId, { format: 'png' });
  }
}

/** The pixels of an image of the viewport that show `frame.area` (the image may be scaled: zoom, HiDPI). */
export function cropRect(frame: CaptureFrame, image: { width: number; height: number }) {
  const scale = image.width / frame.viewport.width;
  const left = Math.max(0, Math.floor(frame.area.x * scale));
  const top = Math.max(0, Math.floor(frame.area.y * scale));
  const right = Math.min(image.width, Math.ceil((frame.area.x + frame.area.width) * scale));
  const bottom = Math.min(image.height, Math.ceil((frame.area.y + frame.area.height) * scale));
  return { x: left, y: top, width: Math.max(1, right - left), height: Math.max(1, bottom - top) };
}

async function crop(dataUrl: string, frame: CaptureFrame): Promise<string> {
  const png = new Blob([base64ToBytes(dataUrl.slice(dataUrl.indexOf(',') + 1))], { type: 'image/png' });
  const image = await createImageBitmap(png);
  const rect = cropRect(frame, image);
  const canvas = new OffscreenCanvas(rect.width, rect.height);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('No 2D context');
  context.drawImage(image, rect.x, rect.y, rect.width, rect.height, 0, 0, rect.width, rect.height);
  image.close();
  const cropped = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer());
  return `data:image/png;base64,${bytesToBase64(cropped)}`;
}

const NO_SCREENSHOT = { screenshot: null, text: null };

/** The screenshot of one comment of tab `tabId`, or why there is none. Never throws. */
export async function captureComment(tabId: number, commentKey: string): Promise<CommentCapture> {
  const tab = await browser.tabs.get(tabId).catch(() => null);
  if (!tab) return { outcome: 'not_on_page', ...NO_SCREENSHOT };
  if (!tab.active) return { outcome: 'tab_not_in_front', ...NO_SCREENSHOT };
  // Asked before the page is touched: the shield is lifted only for a capture the browser allows.
  const allowed = await captureVisible(tab.windowId).then(
    () => true,
    () => false,
  );
  if (!allowed) return { outcome: 'not_allowed', ...NO_SCREENSHOT };

  const reply = await browser.tabs
    .sendMessage(tabId, { type: 'bg→cs:prepare-capture', commentKey } satisfies BgToCs)
    .catch(() => null);
  const ready: CaptureReady = v.is(captureReadySchema, reply) ? reply : { found: false };
  if (!ready.found) return { outcome: 'not_on_page', ...NO_SCREENSHOT };
  let shot: string;
  try {
    shot = await captureVisible(tab.windowId);
  } catch {
    return { outcome: 'not_allowed', ...NO_SCREENSHOT };
  } finally {
    void browser.tabs
      .sendMessage(tabId, { type: 'bg→cs:capture-done' } satisfies BgToCs)
      .catch(() => undefined);
  }
  // The CM may have switched tabs meanwhile: then the picture is of another page.
  if (!(await browser.tabs.get(tabId).catch(() => null))?.active)
    return { outcome: 'tab_not_in_front', ...NO_SCREENSHOT };
  // Should cropping fail, the whole view, taken with the comment in it, is still the evidence.
  const screenshot = await crop(shot, ready).catch(() => shot);
  return { outcome: 'captured', screenshot, text: ready.text };
}
