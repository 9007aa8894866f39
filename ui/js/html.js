// The one way views build DOM: an `html` tagged template that escapes every interpolated value, parsed into
// a DocumentFragment through a <template>. Values are never trusted as markup; nested `html` results and
// arrays of them are kept as built.

const RAW = Symbol('raw');

function escape(value) {
  return String(value)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;')
    .replaceAll('`', '&#96;');
}

function piece(value) {
  if (value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) return value.map(piece).join('');
  if (value && value[RAW] !== undefined) return value[RAW];
  return escape(value);
}

/** Builds an escaped markup string: html`<p>${text}</p>`. */
export function html(strings, ...values) {
  let out = strings[0];
  values.forEach((v, i) => {
    out += piece(v) + strings[i + 1];
  });
  return { [RAW]: out };
}

/** Turns an `html` result into DOM nodes. */
export function render(markup) {
  const t = document.createElement('template');
  t.innerHTML = markup[RAW]; // every interpolated value was escaped by `html`
  return t.content;
}

/** Replaces the children of `el` with `markup`. */
export function mount(el, markup) {
  el.replaceChildren(render(markup));
  return el;
}
