import browser from 'webextension-polyfill';
import type { Classification } from '../shared/comment';
import { LABEL_STYLE } from '../shared/labels';

const HOST_ATTRIBUTE = 'data-desaffect-badge';

const STYLE = `
:host { all: initial; display: inline-block; vertical-align: middle; margin-inline-start: 6px; }
.badge { display: inline-flex; gap: 4px; align-items: center; font: 600 12px/1.4 system-ui, sans-serif;
  border-radius: 999px; padding: 1px 8px; color: #fff; max-width: 28ch; white-space: nowrap; }
.badge[data-uncertain] { outline: 2px dashed currentColor; outline-offset: 1px; }
.intensity { font-weight: 400; opacity: 0.9; }
`;

/**
 * Puts (or refreshes) the badge of one comment next to its author line. The badge lives in a closed
 * Shadow DOM so the site's CSS cannot reach it and its CSS cannot leak; all text is set as text.
 */
export function renderBadge(anchor: HTMLElement, key: string, classification: Classification): void {
  let host = anchor.parentElement?.querySelector<HTMLElement>(`:scope > [${HOST_ATTRIBUTE}]`) ?? null;
  if (host?.getAttribute(HOST_ATTRIBUTE) === key && host.dataset.label === classification.label) return;
  host?.remove();
  host = document.createElement('span');
  host.setAttribute(HOST_ATTRIBUTE, key);
  host.dataset.label = classification.label;
  const shadow = host.attachShadow({ mode: 'closed' });

  const style = document.createElement('style');
  style.textContent = STYLE;
  const badge = document.createElement('span');
  badge.className = 'badge';
  const { icon, colour, messageKey } = LABEL_STYLE[classification.label];
  badge.style.background = colour;
  const label = browser.i18n.getMessage(messageKey) || classification.label;
  const percent = Math.round(classification.intensity * 100);
  const iconSpan = document.createElement('span');
  iconSpan.setAttribute('aria-hidden', 'true');
  iconSpan.textContent = icon;
  const labelSpan = document.createElement('span');
  labelSpan.textContent = label;
  const intensity = document.createElement('span');
  intensity.className = 'intensity';
  intensity.textContent = `${percent}%`;
  badge.append(iconSpan, labelSpan, intensity);
  if (classification.uncertain) badge.dataset.uncertain = '';
  badge.setAttribute('role', 'status');
  badge.setAttribute(
    'aria-label',
    browser.i18n.getMessage('badgeAria', [label, String(percent)]) || `${label} ${percent}%`,
  );
  shadow.append(style, badge);
  anchor.after(host);
}
