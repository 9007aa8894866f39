// @ts-check
// Fills every element that has data-l10n-id with its Fluent message, formatted in Rust. Attributes listed in
// ALLOWED_ATTRS are copied; data-l10n-attr="x" puts attribute x of the message in the text instead; elements
// with data-l10n-rich get the message's inline markup as DOM nodes built with textContent, never innerHTML.

import { call } from './ipc.js';

const ALLOWED_ATTRS = ['title', 'aria-label', 'placeholder', 'alt'];

/** @typedef {import('./types.js').Segment} Segment */

/**
 * The DOM nodes of a message's markup. Inside a link (`inLink`), a link segment gives only its text: links never
 * nest, so a title that holds a link of its own leads, as a whole, where its own link leads.
 * @param {Segment[]} segments
 * @param {boolean} inLink
 * @returns {Node[]}
 */
function richNodes(segments, inLink) {
  return segments.map((s) => {
    switch (s.t) {
      case 'text':
        return document.createTextNode(s.s);
      case 'strong':
      case 'em': {
        const el = document.createElement(s.t);
        el.append(...richNodes(s.c, inLink));
        return el;
      }
      case 'link': {
        if (inLink) {
          const span = document.createElement('span');
          span.append(...richNodes(s.c, true));
          return span;
        }
        const a = document.createElement('a');
        a.href = `#${s.to === 'join' ? 'join' : `resource-${s.to}`}`;
        a.dataset.target = s.to;
        a.className = 'xref';
        a.append(...richNodes(s.c, true));
        return a;
      }
      default:
        return document.createTextNode('');
    }
  });
}

/** @returns {import('./types.js').L10nRequest} */
function request(/** @type {HTMLElement} */ el) {
  let args = null;
  if (el.dataset.l10nArgs) {
    try {
      args = JSON.parse(el.dataset.l10nArgs);
    } catch {
      args = null;
    }
  }
  return { id: el.dataset.l10nId || '', args, rich: el.hasAttribute('data-l10n-rich') };
}

/**
 * @param {HTMLElement} el
 * @param {import('./types.js').L10nResponse} msg
 */
function apply(el, msg) {
  const attr = el.dataset.l10nAttr;
  if (attr) {
    el.textContent = msg.attrs[attr] || '';
  } else if (msg.rich) {
    el.replaceChildren(...richNodes(msg.rich, el.closest('a') !== null));
  } else if (msg.value && !el.hasAttribute('data-l10n-attrs-only')) {
    el.textContent = msg.value;
  }
  for (const name of ALLOWED_ATTRS) {
    if (msg.attrs[name] !== undefined) el.setAttribute(name, msg.attrs[name]);
  }
}

/**
 * Translates `root` and everything in it; given several roots, all of them in one round trip.
 * @param {ParentNode | ParentNode[]} [root]
 */
export async function translate(root = document) {
  /** @type {HTMLElement[]} */
  const els = [];
  for (const r of Array.isArray(root) ? root : [root]) {
    if (r instanceof HTMLElement && r.hasAttribute('data-l10n-id')) els.push(r);
    els.push(.../** @type {NodeListOf<HTMLElement>} */ (r.querySelectorAll('[data-l10n-id]')));
  }
  if (els.length === 0) return;
  const res = await call('localize', { requests: els.map(request) });
  els.forEach((el, i) => apply(el, res[i]));
}

/**
 * One message's value, for text that is not in the DOM (e.g. a status line).
 * @param {string} id
 * @param {Record<string, unknown> | null} [args]
 */
export async function message(id, args = null) {
  const [res] = await call('localize', { requests: [{ id, args, rich: false }] });
  return res.value;
}
