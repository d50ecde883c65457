import { platformOfUrl } from '../../shared/sites';
import { facebookAdapter } from './facebook';
import type { PlatformAdapter } from './types';
import { xAdapter } from './x';

export type { AdapterContext, ExtractedComment, PlatformAdapter } from './types';
export { facebookAdapter, xAdapter };

/** Every platform adapter, one per site. */
export const ADAPTERS: readonly PlatformAdapter[] = [xAdapter, facebookAdapter];

/**
 * The adapter of the supported site at `url`, or null on any other site. It may not read this very page
 * (`handles` tells): both sites navigate between pages without reloading, so the content script stays.
 */
export function siteAdapter(url: string): PlatformAdapter | null {
  const platform = platformOfUrl(url);
  return ADAPTERS.find((adapter) => adapter.platform === platform) ?? null;
}
