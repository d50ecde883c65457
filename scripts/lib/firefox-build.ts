/**
 * The Firefox build: its manifest, derived in code from manifest.json so both packages ship the same
 * extension from one source (only the keys the two browsers disagree on change), and its directory.
 */

/** Never the Chrome build's directory, so neither build overwrites the other. */
export function firefoxDistDir(): string {
  return process.env.FIREFOX_DIST_DIR ?? 'dist-firefox';
}

/** The add-on id: AMO and Firefox need one; it also names the extension's storage in Firefox profiles. */
export const GECKO_ID = 'desaffect@desaffect.local';

/** The keys of manifest.json this derivation reads or replaces; every other key passes through as is. */
export interface ChromeManifest {
  version: string;
  minimum_chrome_version?: string;
  background: { service_worker: string; type?: 'module' };
  icons: Record<string, string>;
}

export type FirefoxManifest<M extends ChromeManifest> = Omit<M, 'minimum_chrome_version' | 'background'> & {
  background: { scripts: string[]; type: 'module' };
  browser_specific_settings: {
    gecko: {
      id: string;
      strict_min_version: string;
      data_collection_permissions: { required: ['none'] };
    };
    gecko_android: { strict_min_version: string };
  };
};

export function firefoxManifest<M extends ChromeManifest>(chrome: M): FirefoxManifest<M> {
  const { minimum_chrome_version: _chromeOnly, background, ...shared } = chrome;
  return {
    ...shared,
    // Firefox runs MV3 backgrounds as event pages, not service workers.
    background: { scripts: [background.service_worker], type: 'module' },
    // AMO shows the 48 and 96 px icons; Chrome's manifest stays as it is.
    icons: { ...shared.icons, '96': 'icons/icon-96.png' },
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        // 140 is the first ESR with data_collection_permissions; 142 on Android.
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: '142.0' },
    },
  };
}
