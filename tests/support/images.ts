/** Looking at pictures the extension made: decoded by the browser (no PNG decoder is installed for Node). */
import type { Page } from 'playwright-core';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** An image's grey levels (0–255), row by row. */
export interface Grey {
  width: number;
  height: number;
  levels: number[];
}

/** The size of an image given as a data: URL. */
export function imageSize(page: Page, dataUrl: string): Promise<{ width: number; height: number }> {
  return page.evaluate(async (url) => {
    const bitmap = await createImageBitmap(await (await fetch(url)).blob());
    return { width: bitmap.width, height: bitmap.height };
  }, dataUrl);
}

/** The grey levels of `rect` (whole pixels) of an image given as a data: URL. */
export function greyRegion(page: Page, dataUrl: string, rect: Rect): Promise<Grey> {
  return page.evaluate(
    async ({ url, area }) => {
      const bitmap = await createImageBitmap(await (await fetch(url)).blob());
      const canvas = new OffscreenCanvas(area.width, area.height);
      const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
      context.drawImage(bitmap, area.x, area.y, area.width, area.height, 0, 0, area.width, area.height);
      const { data } = context.getImageData(0, 0, area.width, area.height);
      const levels: number[] = [];
      for (let i = 0; i < data.length; i += 4)
        levels.push(
          Math.round(0.299 * (data[i] ?? 0) + 0.587 * (data[i + 1] ?? 0) + 0.114 * (data[i + 2] ?? 0)),
        );
      return { width: area.width, height: area.height, levels };
    },
    { url: dataUrl, area: rect },
  );
}

/**
 * How sharp a picture is: the mean difference between neighbouring pixels. Text has sharp edges; the same
 * text blurred (the shield's 7 px blur) has almost none.
 */
export function sharpness({ width, height, levels }: Grey): number {
  let sum = 0;
  let count = 0;
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const here = levels[y * width + x] ?? 0;
      if (x + 1 < width) {
        sum += Math.abs(here - (levels[y * width + x + 1] ?? 0));
        count += 1;
      }
      if (y + 1 < height) {
        sum += Math.abs(here - (levels[(y + 1) * width + x] ?? 0));
        count += 1;
      }
    }
  }
  return count === 0 ? 0 : sum / count;
}

export const pngDataUrl = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;

/** How many pages a PDF made by Chromium has: its page objects (`/Type /Page`, not `/Pages`). */
export function pdfPageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
}
