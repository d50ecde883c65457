import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { firefoxManifest, GECKO_ID } from '../../scripts/lib/firefox-build';
import { SUPPORTED_HOSTS } from '../../src/shared/sites';

const manifest = JSON.parse(readFileSync('manifest.json', 'utf8'));
const sitePatterns = Object.keys(SUPPORTED_HOSTS).map((host) => `https://${host}/*`);

describe('manifest', () => {
  it('asks for storage, activeTab (justified in the README) and the supported sites only', () => {
    expect(manifest.permissions).toEqual(['storage', 'activeTab']);
    expect([...manifest.host_permissions].sort()).toEqual([...sitePatterns].sort());
    // Asked at run time, only if the CM wants break nudges as system notifications (README).
    expect(manifest.optional_permissions).toEqual(['notifications']);
  });

  it('runs the content script on exactly the supported sites', () => {
    expect(manifest.content_scripts).toHaveLength(1);
    expect([...manifest.content_scripts[0].matches].sort()).toEqual([...sitePatterns].sort());
  });

  it('exposes no web-accessible resource a site could probe', () => {
    expect(manifest.web_accessible_resources).toBeUndefined();
  });

  // The Chrome Web Store refuses a package whose name or description is longer, in any language.
  it.each(['en', 'fr'])('keeps its %s name within 75 characters and its description within 132', (lang) => {
    const messages = JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8'));
    expect([...messages.extName.message].length).toBeLessThanOrEqual(75);
    expect([...messages.extDescription.message].length).toBeLessThanOrEqual(132);
  });
});

describe('the Firefox manifest, derived from the same manifest.json', () => {
  const firefox = firefoxManifest({ ...manifest, version: '1.2.3' });

  it('runs the background as a module event page and drops what only Chrome reads', () => {
    expect(firefox.background).toEqual({ scripts: [manifest.background.service_worker], type: 'module' });
    expect(firefox).not.toHaveProperty('minimum_chrome_version');
  });

  it('declares an add-on id, minimum versions and that no data is collected', () => {
    expect(firefox.browser_specific_settings.gecko).toEqual({
      id: GECKO_ID,
      strict_min_version: '140.0',
      data_collection_permissions: { required: ['none'] },
    });
    expect(firefox.browser_specific_settings.gecko_android.strict_min_version).toBe('142.0');
  });

  it('keeps the permissions, sites, content script and version of the Chrome manifest', () => {
    for (const key of ['permissions', 'host_permissions', 'content_scripts', 'action', 'options_ui'])
      expect(firefox[key as keyof typeof firefox]).toEqual(manifest[key]);
    expect(firefox.version).toBe('1.2.3');
  });
});
