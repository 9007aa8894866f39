// @ts-check
// Search: one box; Rust finds the words in the concept note, agenda, resources and GCM objectives in the
// current language and returns places with snippets. A result leads to the place found. Keyboard: Ctrl+F or
// "/" from anywhere opens it (`openSearch`, from main.js's shortcuts); results update as you type; Down / Enter move into the list, Up / Down
// move through it, Escape goes back to the box.

import { call } from '../ipc.js';
import { find, html, mount } from '../html.js';
import { translate } from '../l10n.js';

/** @typedef {import('../types.js').App} App */

/** The last query, kept so coming back to Search shows the same results. */
let lastQuery = '';
/** Only the newest request may fill the list: answers can arrive out of order. */
let sequence = 0;
const DEBOUNCE_MS = 150;

function result(/** @type {import('../types.js').Hit} */ h) {
  return html`<li>
    <a class="result" href="#${h.anchor}" data-go-view="${h.view}" data-go-anchor="${h.anchor}">
      <span class="result-where" data-l10n-id="nav-${h.view}"></span>
      <span class="result-title">${h.title}</span>
      <span class="result-snippet">${h.parts.map((p) => (p.mark ? html`<mark>${p.s}</mark>` : p.s))}</span>
    </a>
  </li>`;
}

/**
 * @param {HTMLElement} el
 * @param {string | null} id
 * @param {Record<string, unknown> | null} [args]
 */
function setStatus(el, id, args = null) {
  if (!id) {
    el.removeAttribute('data-l10n-id');
    el.textContent = '';
    return Promise.resolve();
  }
  el.dataset.l10nId = id;
  if (args) el.dataset.l10nArgs = JSON.stringify(args);
  else el.removeAttribute('data-l10n-args');
  return translate(el);
}

/**
 * @param {HTMLElement} main
 * @param {string} query
 */
async function show(main, query) {
  const mine = ++sequence;
  const status = find(main, '#search-status');
  const list = find(main, '#search-results');
  const offer = find(main, '#search-elsewhere');
  const q = query.trim();
  offer.hidden = true;
  if (!q) {
    list.replaceChildren();
    return setStatus(status, null);
  }
  if ([...q].length < 2) {
    list.replaceChildren();
    return setStatus(status, 'search-too-short');
  }
  const { hits, elsewhere } = await call('search', { query: q });
  if (mine !== sequence || !main.contains(list)) return;
  mount(list, html`${hits.map(result)}`);
  await translate(list);
  if (hits.length) return setStatus(status, 'search-status', { count: hits.length, query: q });
  if (!elsewhere) return setStatus(status, 'search-status-none', { query: q });
  // Nothing here, but the other language has the words: say so, and offer to switch (the same search then runs).
  find(offer, 'button').dataset.lang = elsewhere.lang;
  await setStatus(status, 'search-status-elsewhere', { query: q, count: elsewhere.count });
  if (mine === sequence) offer.hidden = false;
}

function links(/** @type {HTMLElement} */ main) {
  return /** @type {HTMLAnchorElement[]} */ ([...main.querySelectorAll('#search-results a.result')]);
}

/** Shows the place a result names, and marks it so the eye finds it. */
async function open(/** @type {App} */ app, /** @type {HTMLElement} */ a) {
  const view = a.dataset.goView || '';
  const anchor = a.dataset.goAnchor || '';
  await app.go(view, anchor);
  const target = document.getElementById(anchor);
  if (target) target.classList.add('search-target');
}

/**
 * @param {HTMLElement} main
 * @param {App} app
 */
export async function render(main, app) {
  mount(
    main,
    html`<h1 data-l10n-id="search-title"></h1>
      <form class="search-form" role="search" id="search-form">
        <label for="search-input" data-l10n-id="search-label"></label>
        <input type="search" id="search-input" name="q" autocomplete="off" spellcheck="false" maxlength="200" aria-describedby="search-hint" aria-controls="search-results" value="${lastQuery}">
        <p id="search-hint" class="hint" data-l10n-id="search-hint"></p>
      </form>
      <p id="search-status" class="search-status" role="status"></p>
      <p id="search-elsewhere" hidden><button type="button" data-l10n-id="search-show-elsewhere"></button></p>
      <ol id="search-results" class="search-results" data-l10n-id="search-results" data-l10n-attrs-only></ol>`,
  );
  const form = find(main, '#search-form');
  const input = /** @type {HTMLInputElement} */ (find(main, '#search-input'));
  const list = find(main, '#search-results');
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;

  const run = () => show(main, input.value).catch(app.showError);
  input.addEventListener('input', () => {
    lastQuery = input.value;
    clearTimeout(timer);
    timer = setTimeout(run, DEBOUNCE_MS);
  });
  // Nothing is ever submitted (the CSP forbids form actions): Enter searches now and moves to the results.
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearTimeout(timer);
    await run();
    const first = links(main)[0];
    if (first) first.focus();
  });
  input.addEventListener('keydown', (ev) => {
    if (ev.key === 'ArrowDown') {
      const first = links(main)[0];
      if (first) {
        ev.preventDefault();
        first.focus();
      }
    }
  });
  list.addEventListener('keydown', (ev) => {
    const all = links(main);
    const i = all.indexOf(/** @type {HTMLAnchorElement} */ (document.activeElement));
    if (i < 0) return;
    /** @type {HTMLElement | null} */
    let next = null;
    if (ev.key === 'ArrowDown') next = all[Math.min(i + 1, all.length - 1)];
    else if (ev.key === 'ArrowUp') next = i === 0 ? input : all[i - 1];
    else if (ev.key === 'Home') next = all[0];
    else if (ev.key === 'End') next = all[all.length - 1];
    else if (ev.key === 'Escape') next = input;
    if (next) {
      ev.preventDefault();
      next.focus();
    }
  });
  const switchLanguage = find(main, '#search-elsewhere button');
  switchLanguage.addEventListener('click', () => app.setLanguage(switchLanguage.dataset.lang || ''));
  // Handled here, before the app's router sees the click: the result knows its view and place.
  list.addEventListener('click', (ev) => {
    const a = ev.target instanceof Element ? ev.target.closest('a.result') : null;
    if (!(a instanceof HTMLElement)) return;
    ev.preventDefault();
    ev.stopPropagation();
    open(app, a).catch(app.showError);
  });
  await run();
}

/** Shows the search view and puts the cursor in its box, with what was typed before selected. */
export async function openSearch(/** @type {App} */ app) {
  if (app.view !== 'search') await app.go('search');
  const input = document.getElementById('search-input');
  if (input instanceof HTMLInputElement) {
    input.focus();
    input.select();
  }
}
