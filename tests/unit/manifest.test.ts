import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SUPPORTED_HOSTS } from '../../src/shared/sites';

const manifest = JSON.parse(readFileSync('manifest.json', 'utf8'));
const sitePatterns = Object.keys(SUPPORTED_HOSTS).map((host) => `https://${host}/*`);

describe('manifest', () => {
  it('asks for storage, activeTab (justified in the README) and the supported sites only', () => {
    expect(manifest.permissions).toEqual(['storage', 'activeTab']);
    expect([...manifest.host_permissions].sort()).toEqual([...sitePatterns].sort());
    expect(manifest.optional_permissions).toBeUndefined();
  });

  it('runs the content script on exactly the supported sites', () => {
    expect(manifest.content_scripts).toHaveLength(1);
    expect([...manifest.content_scripts[0].matches].sort()).toEqual([...sitePatterns].sort());
  });

  it('exposes no web-accessible resource a site could probe', () => {
    expect(manifest.web_accessible_resources).toBeUndefined();
  });
});
