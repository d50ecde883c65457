/**
 * The escalation kit's screenshot: the comment's tab brings it into view with its shield lifted, for the
 * capture only; the visible tab is captured and cropped to the comment and some of its surroundings, at the
 * capture's own (full) resolution.
 *
 * The page says it has drawn the comment ready for its screenshot, but the screen may show it a little later
 * (a loaded machine): the overlay draws a marker in a colour new to each capture in a corner the crop leaves
 * out, and a screenshot counts only once the marker is in it. The page never learns a capture happened.
 *
 * The browser allows a capture only while the CM has opened Desaffect from the toolbar on that tab
 * (activeTab: a click in the page grants nothing), and only of the tab in front: a capture of another tab
 * would be false evidence.
 */
import * as v from 'valibot';
import browser from 'webextension-polyfill';
import {
  type BgToCs,
  CAPTURE_MARKER_PX,
  type CaptureFrame,
  type CaptureReady,
  captureReadySchema,
  type MarkerColour,
} from '../content/messages';
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

/** How far a screenshot's pixel may stray from the marker's colour (colour management, scaling). */
const MARKER_TOLERANCE = 8;
/** Screenshots taken, at most, before one shows the marker (the browser allows two a second). */
const MARKER_ATTEMPTS = 4;

/** A colour for this capture's marker: one a page could not have painted there by chance before it. */
export function newMarkerColour(): MarkerColour {
  const [r, g, b] = crypto.getRandomValues(new Uint8Array(3));
  return [r ?? 0, g ?? 0, b ?? 0];
}

/** The scale of an image of the viewport: its pixels per CSS pixel (zoom, HiDPI). */
const scaleOf = (frame: CaptureFrame, image: { width: number }) => image.width / frame.viewport.width;

/** The pixels of an image of the viewport that show `frame.area`. */
export function cropRect(frame: CaptureFrame, image: { width: number; height: number }) {
  const scale = scaleOf(frame, image);
  const left = Math.max(0, Math.floor(frame.area.x * scale));
  const top = Math.max(0, Math.floor(frame.area.y * scale));
  const right = Math.min(image.width, Math.ceil((frame.area.x + frame.area.width) * scale));
  const bottom = Math.min(image.height, Math.ceil((frame.area.y + frame.area.height) * scale));
  return { x: left, y: top, width: Math.max(1, right - left), height: Math.max(1, bottom - top) };
}

/** The image pixel at the middle of the marker drawn at `marker` (CSS pixels of the viewport). */
export function markerPixel(
  frame: CaptureFrame,
  marker: { x: number; y: number },
  image: { width: number; height: number },
) {
  const scale = scaleOf(frame, image);
  const middle = CAPTURE_MARKER_PX / 2;
  return {
    x: Math.min(image.width - 1, Math.max(0, Math.floor((marker.x + middle) * scale))),
    y: Math.min(image.height - 1, Math.max(0, Math.floor((marker.y + middle) * scale))),
  };
}

export function sameColour(pixel: ArrayLike<number>, colour: MarkerColour): boolean {
  return colour.every((channel, i) => Math.abs((pixel[i] ?? -1) - channel) <= MARKER_TOLERANCE);
}

async function decode(dataUrl: string): Promise<ImageBitmap> {
  const png = new Blob([base64ToBytes(dataUrl.slice(dataUrl.indexOf(',') + 1))], { type: 'image/png' });
  return createImageBitmap(png);
}

function showsMarker(
  image: ImageBitmap,
  ready: Extract<CaptureReady, { found: true }>,
  colour: MarkerColour,
) {
  const { x, y } = markerPixel(ready, ready.marker, image);
  const context = new OffscreenCanvas(1, 1).getContext('2d', { willReadFrequently: true });
  if (!context) return false;
  context.drawImage(image, x, y, 1, 1, 0, 0, 1, 1);
  return sameColour(context.getImageData(0, 0, 1, 1).data, colour);
}

async function crop(image: ImageBitmap, frame: CaptureFrame): Promise<string> {
  const rect = cropRect(frame, image);
  const canvas = new OffscreenCanvas(rect.width, rect.height);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('No 2D context');
  context.drawImage(image, rect.x, rect.y, rect.width, rect.height, 0, 0, rect.width, rect.height);
  const cropped = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer());
  return `data:image/png;base64,${bytesToBase64(cropped)}`;
}

/** The first screenshot that shows the marker, decoded; null when none of the attempts did. */
async function currentScreenshot(
  windowId: number | undefined,
  ready: Extract<CaptureReady, { found: true }>,
  colour: MarkerColour,
): Promise<ImageBitmap | null> {
  for (let attempt = 0; attempt < MARKER_ATTEMPTS; attempt++) {
    const image = await decode(await captureVisible(windowId));
    if (showsMarker(image, ready, colour)) return image;
    image.close();
  }
  return null;
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

  const marker = newMarkerColour();
  const reply = await browser.tabs
    .sendMessage(tabId, { type: 'bg→cs:prepare-capture', commentKey, marker } satisfies BgToCs)
    .catch(() => null);
  const ready: CaptureReady = v.is(captureReadySchema, reply) ? reply : { found: false };
  if (!ready.found) return { outcome: 'not_on_page', ...NO_SCREENSHOT };
  let image: ImageBitmap | null;
  try {
    image = await currentScreenshot(tab.windowId, ready, marker);
  } catch {
    return { outcome: 'not_allowed', ...NO_SCREENSHOT };
  } finally {
    void browser.tabs
      .sendMessage(tabId, { type: 'bg→cs:capture-done' } satisfies BgToCs)
      .catch(() => undefined);
  }
  // Never the page as it was before: another comment, or this one under its shield, would be false evidence.
  if (!image) return { outcome: 'not_shown', ...NO_SCREENSHOT };
  try {
    // The CM may have switched tabs meanwhile: then the picture is of another page.
    if (!(await browser.tabs.get(tabId).catch(() => null))?.active)
      return { outcome: 'tab_not_in_front', ...NO_SCREENSHOT };
    return { outcome: 'captured', screenshot: await crop(image, ready), text: ready.text };
  } finally {
    image.close();
  }
}
