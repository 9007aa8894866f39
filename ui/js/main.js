// The app's entry point: routes between views, switches language, shows alerts, and refreshes the views that
// depend on the clock. Views are modules exporting `render(main, app)`.

import { call } from './ipc.js';
import { translate } from './l10n.js';
import { html, mount } from './html.js';
import * as overview from './views/overview.js';
import * as concept from './views/concept.js';
import * as agenda from './views/agenda.js';
import * as resources from './views/resources.js';
import * as settings from './views/settings.js';
import * as gcm from './views/gcm.js';
import * as about from './views/about.js';

const VIEWS = { overview, concept, agenda, resources, gcm, about, settings };
const LIVE = new Set(['overview', 'agenda']);
const main = document.getElementById('main');
const app = { info: null, view: 'overview', showError, go, refresh, setLanguage };

function showAlert(kind, text) {
  const box = document.getElementById('alerts');
  const el = document.createElement('div');
  el.className = `alert alert-${kind}`;
  el.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  mount(el, html`<p></p><button type="button" class="alert-close" data-l10n-id="alert-dismiss"></button>`);
  el.querySelector('p').textContent = text;
  el.querySelector('button').addEventListener('click', () => el.remove());
  box.append(el);
  translate(el);
  return el;
}

/** Shows a backend error's localised message; nothing fails silently. */
function showError(e) {
  console.error(e);
  showAlert('error', e && e.message ? e.message : String(e));
}

function applyInfo(info) {
  app.info = info;
  document.documentElement.lang = info.lang;
  document.documentElement.dataset.theme = info.theme;
  document.documentElement.style.setProperty('--text-scale', String(info.text_scale / 100));
  for (const b of document.querySelectorAll('[data-lang]')) {
    b.setAttribute('aria-pressed', String(b.dataset.lang === info.lang));
  }
}

/** Shows view `name`, then moves focus to `focusId` (an element id) or the view's heading. */
async function go(name, focusId = null, { push = true } = {}) {
  const view = VIEWS[name] ? name : 'overview';
  app.view = view;
  for (const a of document.querySelectorAll('[data-view]')) {
    if (a.dataset.view === view) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  main.dataset.view = view;
  try {
    await VIEWS[view].render(main, app);
    await translate(main);
  } catch (e) {
    showError(e);
  }
  if (push && location.hash !== `#${focusId || view}`) history.replaceState(null, '', `#${focusId || view}`);
  const target = (focusId && document.getElementById(focusId)) || main.querySelector('h1') || main;
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus();
  if (focusId) target.scrollIntoView({ block: 'start' });
}

/** Re-renders the current view in place (after a language or setting change, or as time passes). */
async function refresh() {
  await translate(document);
  await VIEWS[app.view].render(main, app);
  await translate(main);
}

function route(hash) {
  const h = (hash || '').replace(/^#/, '');
  if (h.startsWith('resource-')) return go('resources', h);
  if (h.startsWith('gcm-objective-')) return go('gcm', h);
  if (h === 'join') return go('overview', 'join');
  return go(VIEWS[h] ? h : 'overview');
}

document.addEventListener('click', (ev) => {
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
async function setLanguage(lang) {
  try {
    applyInfo(await call('set_language', { lang }));
    await refresh();
  } catch (e) {
    showError(e);
  }
}

for (const b of document.querySelectorAll('[data-lang]')) {
  b.addEventListener('click', () => setLanguage(b.dataset.lang));
}

window.addEventListener('hashchange', () => route(location.hash));

async function start() {
  try {
    const info = await call('app_info');
    applyInfo(info);
    await translate(document);
    for (const n of info.notices) showAlert('notice', n.message);
  } catch (e) {
    showError(e);
  }
  await route(location.hash);
  // The clock moves on: keep "now", "next" and the countdown true without disturbing the reader.
  setInterval(() => {
    if (LIVE.has(app.view) && !main.contains(document.activeElement)) refresh().catch(showError);
  }, 30000);
}

start();
