// @ts-check
// The one way views build DOM: an `html` tagged template that escapes every interpolated value, parsed into
// a DocumentFragment through a <template>. Values are never trusted as markup; nested `html` results and
// arrays of them are kept as built.

const RAW = Symbol('raw');

/** @typedef {{ [RAW]: string }} Markup  what `html` returns: markup whose values were escaped */

function escape(/** @type {unknown} */ value) {
  return String(value)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;')
    .replaceAll('`', '&#96;');
}

/** @returns {string} */
function piece(/** @type {unknown} */ value) {
  if (value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) return value.map(piece).join('');
  if (typeof value === 'object' && RAW in value) return /** @type {Markup} */ (value)[RAW];
  return escape(value);
}

/**
 * Builds an escaped markup string: html`<p>${text}</p>`.
 * @param {TemplateStringsArray} strings
 * @param {...unknown} values
 * @returns {Markup}
 */
export function html(strings, ...values) {
  let out = strings[0];
  values.forEach((v, i) => {
    out += piece(v) + strings[i + 1];
  });
  return { [RAW]: out };
}

/** Turns an `html` result into DOM nodes. */
export function render(/** @type {Markup} */ markup) {
  const t = document.createElement('template');
  t.innerHTML = markup[RAW]; // every interpolated value was escaped by `html`
  return t.content;
}

/**
 * Replaces the children of `el` with `markup`.
 * @template {Element} E
 * @param {E} el
 * @param {Markup} markup
 * @returns {E}
 */
export function mount(el, markup) {
  el.replaceChildren(render(markup));
  return el;
}

/**
 * The element matching `css` inside `root`, which the caller's own markup put there: a missing one is a bug,
 * and fails loudly here rather than as a null later.
 * @param {ParentNode} root
 * @param {string} css
 * @returns {HTMLElement}
 */
export function find(root, css) {
  const el = root.querySelector(css);
  if (!(el instanceof HTMLElement)) throw new Error(`no element matches ${css}`);
  return el;
}
