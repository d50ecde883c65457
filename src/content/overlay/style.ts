import { CAPTURE_MARKER_PX } from '../messages';
import { BADGE_HEIGHT, SHIELD_REACH } from './geometry';

/**
 * The overlay's one stylesheet. The host fills the window and lets every pointer through: only the badges
 * (one box size for all) and the open card take clicks, so probing the page by hit-testing finds the
 * same thing over every comment. `!important` on :host wins over anything the page sets on the element.
 * Its frame is laid over the window whatever <html>'s transform, filter or `contain` do to the host
 * (host.ts), so the host clips nothing (no paint containment): the frame may lie outside the host's box,
 * and it is the frame, the window's size, that is contained instead.
 * The viewport clips what is drawn ahead, out of the window: the host's size never depends on it. The
 * shield is opaque: a backdrop filter is not drawn everywhere (headless Firefox showed the words). No
 * shadow and no layer of its own under the shield's caption: every badge and shield is painted again
 * when the page's layers are, and a thread can hold hundreds. Nothing in it can be selected: the page's
 * `getSelection()` reads words selected inside a closed shadow root (a card's quote, its label), and its
 * `selectionchange` and `copy` listeners hear of them; the card's Copy buttons copy without a selection.
 * A badge's icon and words are one generated box: each pseudo-element is styled and laid out on its own
 * as badges come while replies stream in. Badges and shields are moved by transforms and a shield is cut
 * to size by its clip (its caption centred by a transform): a badge or shield kept out of sight and shown
 * again for another comment (spares.ts) changes nothing the browser lays out.
 */
export const OVERLAY_STYLE = `
:host { all: initial !important; display: block !important; position: fixed !important; inset: 0 !important;
  z-index: 2147483647 !important; pointer-events: none !important; contain: size layout style !important;
  visibility: visible !important; opacity: 1 !important; transform: none !important; filter: none !important;
  user-select: none !important; -webkit-user-select: none !important; }
.frame { position: absolute; left: 0; top: 0; width: 100%; height: 100%; transform-origin: 0 0; contain: strict; }
.viewport { position: absolute; inset: 0; overflow: clip; font: 13px/1.4 system-ui, sans-serif; color: #1b1b1b; }
.layer { position: absolute; left: 0; top: 0; will-change: transform; }
button { font: inherit; cursor: pointer; }
[data-say]::before { content: attr(data-say); }
:focus-visible { outline: 3px solid #1a73e8; outline-offset: 2px; }
.badge { position: absolute; left: 0; top: 0; box-sizing: border-box; width: var(--badge-width);
  height: ${BADGE_HEIGHT}px; display: block; padding: 0 8px; border: 0; border-radius: 999px; color: #fff;
  font-weight: 600; font-size: 12px; line-height: ${BADGE_HEIGHT}px; text-align: center; white-space: nowrap;
  pointer-events: auto; }
.sizer { position: absolute; visibility: hidden; }
.sizer .badge { position: static; width: max-content; }
.badge::after { content: attr(data-icon) " " attr(data-words); }
.shield { position: absolute; left: 0; top: 0; width: ${SHIELD_REACH}px; height: ${SHIELD_REACH}px;
  --width: 0px; --height: 0px; background: repeating-linear-gradient(#d9dcde 0 0.55em, #eceeef 0.55em 1.35em);
  clip-path: inset(0 calc(100% - var(--width)) calc(100% - var(--height)) 0 round 6px); }
.shield::before { position: absolute; left: 0; top: 0; font-size: 12px; font-weight: 600; color: #1b1b1b;
  padding: 2px 10px; white-space: nowrap;
  transform: translate(calc(var(--width) / 2 - 50%), calc(var(--height) / 2 - 50%)); }
.shield.bare::before { visibility: hidden; }
.capturing .badge, .capturing .ring, .capturing .card { opacity: 0 !important; }
.marker { position: absolute; width: ${CAPTURE_MARKER_PX}px; height: ${CAPTURE_MARKER_PX}px; }
.ring { position: absolute; left: 0; top: 0; box-sizing: border-box; border: 3px solid #1a73e8; border-radius: 8px; }
.card { position: absolute; box-sizing: border-box; overflow: auto; overscroll-behavior: contain; font: 13px/1.4 system-ui, sans-serif;
  pointer-events: auto; background: #fff; color: #1b1b1b; border: 1px solid #c4c7c5; border-radius: 10px;
  box-shadow: 0 6px 24px rgb(0 0 0 / 0.18); padding: 8px 12px 10px; text-align: start; }
.card h2 { font-size: 13px; margin: 0; }
.card h3 { font-size: 13px; margin: 8px 0 2px; }
.card ul, .card ol { margin: 0; padding-inline-start: 1.2em; }
.card li { margin: 4px 0; overflow-wrap: anywhere; }
.card p { margin: 4px 0; }
.reply { padding: 4px 8px; border-inline-start: 3px solid #c4c7c5; background: #f6f8fa; overflow-wrap: anywhere;
  white-space: pre-wrap; }
.row { display: flex; flex-wrap: wrap; align-items: center; gap: 4px; margin-top: 4px; }
.row button { border: 1px solid #747775; border-radius: 6px; background: #fff; color: #1b1b1b; padding: 1px 8px; }
.escalate { border-color: #b3261e !important; color: #b3261e !important; font-weight: 600; }
.show { border-color: #1b1b1b !important; font-weight: 600; }
.status { font-size: 12px; color: #1b1b1b; flex-basis: 100%; margin: 2px 0 0; }
.muted { color: #444746; }
`;
