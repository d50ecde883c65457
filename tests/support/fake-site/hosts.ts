/** The hosts the fake site answers as, and the browsers send to it instead of the network. */
export const SITE_HOSTS = ['x.com', 'twitter.com', 'www.facebook.com', 'web.facebook.com'] as const;
/** A host that is not a supported site, served by the same server: the extension must ignore it. */
export const OTHER_HOST = 'example.org';
