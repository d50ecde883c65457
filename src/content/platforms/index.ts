import { facebookAdapter } from './facebook';
import type { PlatformAdapter } from './types';
import { xAdapter } from './x';

export type { AdapterContext, ExtractedComment, PlatformAdapter } from './types';
export { facebookAdapter, xAdapter };

/** Every platform adapter, one per site. */
export const ADAPTERS: readonly PlatformAdapter[] = [xAdapter, facebookAdapter];

/** The adapter that reads comments on the page at `url`, or null when none does. */
export function adapterFor(url: URL): PlatformAdapter | null {
  return ADAPTERS.find((adapter) => adapter.handles(url)) ?? null;
}
