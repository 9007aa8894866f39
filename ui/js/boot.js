// @ts-check
// The first thing the page does: it marks the platform for the font (app.css), and when it starts on the overview
// (no address, #overview or #join), it asks Rust for the first view's data (`first_view`) at once, while main.js
// and the views are still loading, instead of after them. index.html loads this module before main.js; main.js
// takes the answer from here.

import { call } from './ipc.js';

// Windows' interface font, Segoe UI, is named in app.css for `data-platform="windows"`; elsewhere the desktop's
// sans-serif, which WebKitGTK finds fastest. Set before anything is laid out.
if (navigator.platform.startsWith('Win')) document.documentElement.dataset.platform = 'windows';

/** The place the page starts at: the address's fragment without its `#` ('' for none). */
export const startHash = location.hash.replace(/^#/, '');

/** Whether the page starts on the overview, where `first_view` is all the first view needs. */
export const startsOnOverview = startHash === '' || startHash === 'overview' || startHash === 'join';

/**
 * The first view's data, asked for as the page starts; null when it starts elsewhere. A failure is the caller's
 * to handle (main.js falls back to asking step by step).
 * @type {Promise<import('./types.js').FirstView> | null}
 */
export const firstView = startsOnOverview ? call('first_view') : null;
// Until main.js awaits it, a failure is not yet handled; it is then, so the early rejection is not reported.
if (firstView) firstView.catch(() => {});
