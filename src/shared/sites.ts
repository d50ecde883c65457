import type { Platform } from './comment';

/** The hosts Desaffect reads, mirrored by the manifest's match patterns (a test keeps them equal). */
export const SUPPORTED_HOSTS: Readonly<Record<string, Platform>> = {
  'x.com': 'x',
  'twitter.com': 'x',
  'www.facebook.com': 'facebook',
  'web.facebook.com': 'facebook',
};

/** Brand names, the same in every language. */
export const PLATFORM_NAMES: Readonly<Record<Platform, string>> = { x: 'X', facebook: 'Facebook' };

export function platformOfUrl(url: string | undefined): Platform | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' ? (SUPPORTED_HOSTS[parsed.hostname] ?? null) : null;
  } catch {
    return null;
  }
}
