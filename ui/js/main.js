// @ts-check
// The app's entry point: routes between views, switches language, shows alerts, and refreshes the views that
// depend on the clock. Views are modules exporting `render(main, app)`.

import { call, onNotices } from './ipc.js';
import { firstView, startHash } from './boot.js';
import { translate } from './l10n.js';
import { find, html, mount } from './html.js';
import * as overview from './views/overview.js';

/**
 * A view: `render` draws it into `main`; `tick`, where present, updates only its live parts as time passes.
 * @typedef {{ render(main: HTMLElement, app: App): Promise<void>, tick?(main: HTMLElement, app: App): Promise<void> }} View
 * @typedef {import('./types.js').App} App
 */

/**
 * Every view by name. The first view a participant sees (the overview) comes with this module; the others load on
 * first use, or after the first view is on screen (`preloadViews`), so that start-up fetches only what the first
 * view needs.
 * @type {Record<string, () => Promise<View>>}
 */
const VIEWS = {
  overview: async () => overview,
  concept: () => import('./views/concept.js'),
  agenda: () => import('./views/agenda.js'),
  resources: () => import('./views/resources.js'),
  gcm: () => import('./views/gcm.js'),
  about: () => import('./views/about.js'),
  search: () => import('./views/search.js'),
  events: () => import('./views/events.js'),
  settings: () => import('./views/settings.js'),
};
/** The views loaded so far, by name. @type {Record<string, View>} */
const loaded = { overview };
/** @returns {Promise<View>} */
async function load(/** @type {string} */ name) {
  return (loaded[name] ||= await VIEWS[name]());
}
/**
 * Loads the other views once the first is on screen, while the participant reads it: after the next frame is
 * painted and half a second more, so the work never delays that paint.
 */
function preloadViews() {
  requestAnimationFrame(() =>
    setTimeout(() => {
      for (const name of Object.keys(VIEWS)) load(name).catch((e) => console.error(e));
    }, 500),
  );
}
const LIVE = new Set(['overview', 'agenda']);
/** The `<main>` on screen; each view is drawn in a new one (`stage`, `swap`). */
let main = find(document, '#main');
/** @type {App} */
const app = { info: null, view: 'overview', showError, go, refresh, setLanguage, applyInfo };

/**
 * @param {string} kind
 * @param {string} text
 */
function showAlert(kind, text) {
  const box = find(document, '#alerts');
  const el = document.createElement('div');
  el.className = `alert alert-${kind}`;
  el.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  mount(el, html`<p></p><button type="button" class="alert-close" data-l10n-id="alert-dismiss"></button>`);
  find(el, 'p').textContent = text;
  find(el, 'button').addEventListener('click', () => el.remove());
  box.append(el);
  translate(el);
  return el;
}

/** Shows a backend error's localised message; nothing fails silently. */
function showError(/** @type {unknown} */ e) {
  console.error(e);
  showAlert('error', e instanceof Error && e.message ? e.message : String(e));
}

/** The open notices' texts by language code: Rust words them in each language once. */
/** @type {Map<HTMLElement, Record<string, string>>} */
const noticeTexts = new Map();

function relabelNotices(/** @type {string} */ lang) {
  for (const [el, texts] of noticeTexts) {
    if (!el.isConnected) noticeTexts.delete(el);
    else if (texts[lang]) find(el, 'p').textContent = texts[lang];
  }
}

function applyInfo(/** @type {import('./types.js').AppInfo} */ info) {
  app.info = info;
  relabelNotices(info.lang);
  showNotices(info.notices);
  document.documentElement.lang = info.lang;
  document.documentElement.dataset.theme = info.theme;
  document.documentElement.style.setProperty('--text-scale', String(info.text_scale / 100));
  // Large text gets the one-column layout, so the navigation does not take half the window (app.css, appearance).
  document.documentElement.dataset.textSize = info.large_text ? 'large' : 'normal';
  for (const b of document.querySelectorAll('[data-lang]')) {
    b.setAttribute('aria-pressed', String(b.getAttribute('data-lang') === info.lang));
  }
}

// Navigations and refreshes run one after another: a click while a view is still rendering waits for it,
// so an older render can never land on top of the view that was asked for last.
/** @type {Promise<unknown>} */
let queue = Promise.resolve();
/**
 * @template T
 * @param {() => T | Promise<T>} task
 * @returns {Promise<T>}
 */
function serial(task) {
  const run = queue.then(task, task);
  queue = run.catch(() => {});
  return run;
}

/**
 * Shows view `name`, then moves focus to `focusId` (an element id) or the view's heading.
 * @param {string} name
 * @param {string | null} [focusId]
 * @param {{ push?: boolean }} [options]
 */
function go(name, focusId = null, options = {}) {
  return serial(() => show(name, focusId, options));
}

/**
 * A new, empty `<main>` in which a view is drawn and translated while the old one stays on screen: the
 * participant never sees a view half drawn or without its words, and nothing moves as they arrive (`swap`).
 * @returns {HTMLElement}
 */
function stage() {
  const next = /** @type {HTMLElement} */ (main.cloneNode(false));
  next.dataset.view = app.view;
  return next;
}

/**
 * Puts the staged `<main>` on screen in place of the old one, with the navigation's current link, in one frame.
 * @param {HTMLElement} next
 */
function swap(next) {
  for (const a of document.querySelectorAll('[data-view]')) {
    if (a.getAttribute('data-view') === next.dataset.view) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  main.replaceWith(next);
  main = next;
}

/** What the page shows around the view (title, header, navigation, footer), for translating it with a view. */
function frameRoots() {
  return [document.head, ...[...document.body.children].filter((el) => el !== main)];
}

/**
 * @param {string} name
 * @param {string | null} focusId
 * @param {{ push?: boolean, first?: import('./types.js').FirstView }} options `first`: start-up's data for the
 *   overview; the whole page is then translated with the view, in one round trip
 */
async function show(name, focusId, { push = true, first }) {
  performance.mark('gcm:view-asked');
  const view = Object.hasOwn(VIEWS, name) ? name : 'overview';
  app.view = view;
  const next = stage();
  try {
    await (first && view === 'overview' ? overview.render(next, app, first) : (await load(view)).render(next, app));
    performance.mark('gcm:view-data');
    await translate(first ? [...frameRoots(), next] : next);
    performance.mark('gcm:view-text');
  } catch (e) {
    showError(e);
  }
  swap(next);
  performance.mark('gcm:view-shown');
  requestAnimationFrame(() => {
    performance.mark('gcm:view-frame');
    requestAnimationFrame(() => performance.mark('gcm:view-painted'));
  });
  reveal();
  if (push && location.hash !== `#${focusId || view}`) history.replaceState(null, '', `#${focusId || view}`);
  const target = (focusId && document.getElementById(focusId)) || main.querySelector('h1') || main;
  if (!(target instanceof HTMLElement)) return;
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus();
  if (focusId) target.scrollIntoView({ block: 'start' });
}

/** Re-renders the current view (after a language or setting change), with the page around it, in one swap. */
function refresh() {
  return serial(async () => {
    const next = stage();
    await (await load(app.view)).render(next, app);
    await translate([...frameRoots(), next]);
    swap(next);
  });
}

function route(/** @type {string | null} */ hash) {
  const h = (hash || '').replace(/^#/, '');
  if (h.startsWith('resource-')) return go('resources', h);
  if (h.startsWith('item-')) return go('agenda', h);
  if (h.startsWith('gcm-objective-')) return go('gcm', h);
  if (h.startsWith('gcm-principle-')) return go('gcm', h);
  if (/^concept-p\d+$/.test(h)) return go('concept', h);
  if (h === 'join') return go('overview', 'join');
  return go(Object.hasOwn(VIEWS, h) ? h : 'overview');
}

document.addEventListener('click', (ev) => {
  if (!(ev.target instanceof Element)) return;
  // A Print button (agenda, concept note: `button[data-print]`), now or in views still to come: css/print.css
  // leaves only the page's content, black on white.
  if (ev.target.closest('button[data-print]')) {
    window.print();
    return;
  }
  const a = ev.target.closest('a[href^="#"]');
  if (a) {
    ev.preventDefault();
    if (a.classList.contains('skip-link')) {
      main.focus();
      return;
    }
    route(a.getAttribute('href'));
    return;
  }
  // Any other link would leave the app: the webview refuses it, and we never make one.
  const other = ev.target.closest('a[href]');
  if (other) ev.preventDefault();
});

/** Switches the language at once: saved by Rust, then every text and <html lang> follow. */
async function setLanguage(/** @type {string} */ lang) {
  try {
    applyInfo(await call('set_language', { lang }));
    await refresh();
  } catch (e) {
    showError(e);
  }
}

for (const b of document.querySelectorAll('[data-lang]')) {
  b.addEventListener('click', () => setLanguage(b.getAttribute('data-lang') || ''));
}

window.addEventListener('hashchange', () => route(location.hash));
// App-wide shortcuts, recognised from the start; what they do loads with its module on first use. Keys are
// matched by `code` too, so they work with a Russian keyboard layout (Ctrl+А is Ctrl+F).
const is = (/** @type {KeyboardEvent} */ ev, /** @type {string[]} */ keys, /** @type {string[]} */ codes) =>
  keys.includes(ev.key) || codes.includes(ev.code);

/** Where typing a "/" means the character, not the shortcut to Search. */
function typing(/** @type {EventTarget | null} */ el) {
  if (!el || !(el instanceof HTMLElement)) return false;
  if (el.isContentEditable) return true;
  if (el.matches('textarea, select')) return true;
  return el instanceof HTMLInputElement && !['radio', 'checkbox', 'button', 'submit', 'reset'].includes(el.type);
}

const openSearch = async () => (await import('./views/search.js')).openSearch(app);
const textScale = async (/** @type {number} */ steps) => {
  const appearance = await import('./appearance.js');
  return steps ? appearance.stepTextScale(app, steps) : appearance.resetTextScale(app);
};

// Search: Ctrl+F, or "/" where it is not typed into a field. Text size: Ctrl+plus, Ctrl+minus, Ctrl+0.
document.addEventListener('keydown', (ev) => {
  const ctrl = (ev.ctrlKey || ev.metaKey) && !ev.altKey;
  /** @type {(() => Promise<unknown>) | null} */
  let action = null;
  if (ctrl && !ev.shiftKey && is(ev, ['f', 'F'], ['KeyF'])) action = openSearch;
  else if (!ctrl && !ev.altKey && ev.key === '/' && !typing(ev.target)) action = openSearch;
  else if (ctrl && is(ev, ['+', '='], ['Equal', 'NumpadAdd'])) action = () => textScale(1);
  else if (ctrl && is(ev, ['-', '_'], ['Minus', 'NumpadSubtract'])) action = () => textScale(-1);
  else if (ctrl && is(ev, ['0'], ['Digit0', 'Numpad0'])) action = () => textScale(0);
  if (!action) return;
  ev.preventDefault();
  action().catch(showError);
});

function showNotices(/** @type {import('./types.js').ShownNotice[]} */ notices) {
  for (const n of notices) {
    const el = showAlert('notice', n.message);
    // A notice still open follows a change of language (`relabelNotices`).
    noticeTexts.set(el, n.messages);
  }
}
onNotices(showNotices);

/**
 * Shows the page. Until the first view has its data and its words, the page is not painted (`html.starting` in
 * app.css), so the participant never sees a page without words, and nothing moves when they arrive.
 */
function reveal() {
  if (!document.documentElement.classList.contains('starting')) return;
  document.documentElement.classList.remove('starting');
  // For scripts/bench: the first frame is about to be painted, then it has been.
  requestAnimationFrame(() => {
    performance.mark('gcm:frame');
    requestAnimationFrame(() => performance.mark('gcm:painted'));
  });
}

/**
 * Starts on the overview: its data and the window's state in one round trip (`first_view`, asked for by boot.js
 * as the page started), then every text of the page in one more.
 * @param {Promise<import('./types.js').FirstView>} asked
 * @param {string | null} focusId
 */
async function startOnOverview(asked, focusId) {
  /** @type {import('./types.js').FirstView} */
  let first;
  try {
    first = await asked;
  } catch (e) {
    console.error(e);
    await loadInfo();
    return show('overview', focusId, {});
  }
  performance.mark('gcm:app-info');
  applyInfo(first.info);
  return show('overview', focusId, { first });
}

async function loadInfo() {
  try {
    const info = await call('app_info');
    performance.mark('gcm:app-info');
    applyInfo(info);
    await translate(document);
    performance.mark('gcm:page-text');
  } catch (e) {
    showError(e);
  }
}

// Start-up's steps, for scripts/bench (tools/bench/measure.py prints them): the modules are loaded, the app's
// state has arrived (with the overview's data, on the usual start), the first view is drawn, and then the texts.
performance.mark('gcm:modules');

function start() {
  // Queued before any click can be: a navigation asked for while the app is still starting comes after the
  // initial view instead of being overwritten by it.
  let first;
  if (firstView) {
    const asked = firstView;
    first = serial(() => startOnOverview(asked, startHash === 'join' ? 'join' : null));
  } else {
    serial(loadInfo);
    first = route(location.hash);
  }
  first.then(preloadViews, preloadViews);
  // The clock moves on: keep "now", "next" and the countdown true without disturbing the reader. A view with
  // a `tick` updates only its live parts (so it may run while the reader is inside it); others re-render
  // only when focus is elsewhere.
  setInterval(() => {
    if (!LIVE.has(app.view)) return;
    const view = loaded[app.view];
    if (!view) return;
    // A failed tick is retried at the next one; an alert every 15 s would bury the page.
    if (view.tick) {
      const tick = view.tick;
      serial(() => (loaded[app.view] === view ? tick(main, app) : null)).catch((e) => console.error(e));
    } else if (!main.contains(document.activeElement)) refresh().catch(showError);
  }, 15000);
}

start();
