import type { PlatformAdapter } from './platforms';

/**
 * The address of the page being read: the tab's address, except while the site shows a dialog over the
 * page at an address of its own (X moves to /compose/post while its reply dialog is open). The page under
 * the dialog is still the one read: its comments, their badges and the popup's list stay, and Insert can
 * still reach them.
 */
export function pageAddress(
  adapter: Pick<PlatformAdapter, 'showsOverPage'>,
  tabAddress: () => string,
): () => URL {
  let seen = tabAddress();
  let page = new URL(seen);
  return () => {
    const href = tabAddress();
    if (href !== seen) {
      seen = href;
      const url = new URL(href);
      if (!adapter.showsOverPage(url)) page = url;
    }
    return page;
  };
}
