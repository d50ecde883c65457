import type { Platform } from '../shared/comment';

/** Brand names, the same in every language. */
export const PLATFORM_NAMES: Readonly<Record<Platform, string>> = { x: 'X', facebook: 'Facebook' };
