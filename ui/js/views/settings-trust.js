// @ts-check
// Settings: the keys trusted to sign event packs. "Add a key…" lets Rust run the Open dialog and read the key; it
// is shown here (id, public key, a warning) and trusted only when the participant confirms.

import { call } from '../ipc.js';
import { find, html, mount } from '../html.js';
import { translate } from '../l10n.js';

/** @param {import('../types.js').KeyView} k */
function keyRow(k) {
  return html`<li><code class="key-id">${k.id}</code> · <span>${k.source_text}</span><br><code class="fingerprint">${k.fingerprint}</code></li>`;
}

/**
 * @param {HTMLElement} root
 * @param {import('../types.js').App} app
 * @param {import('../types.js').KeyView[]} keys
 * @param {import('../types.js').KeyView | null} pending
 * @param {boolean} [translated] translates what it drew (a redraw); the first draw leaves that to the view
 */
async function draw(root, app, keys, pending, translated = true) {
  mount(
    root,
    html`<fieldset class="trust-settings" id="trust-settings">
      <legend data-l10n-id="trust-heading"></legend>
      <p class="hint" data-l10n-id="trust-intro"></p>
      ${keys.length ? html`<ul class="trusted-keys" id="trusted-keys">${keys.map(keyRow)}</ul>` : html`<p id="trusted-keys" data-l10n-id="trust-none"></p>`}
      ${pending
        ? html`<div class="pending-key" id="pending-key" role="alertdialog" aria-labelledby="pending-key-heading">
            <h3 id="pending-key-heading" data-l10n-id="trust-confirm-heading"></h3>
            <p><span data-l10n-id="trust-key-id"></span> <code>${pending.id}</code></p>
            <p><span data-l10n-id="trust-key-public"></span> <code>${pending.fingerprint}</code></p>
            <p class="warning" data-l10n-id="trust-warning"></p>
            <button type="button" id="trust-confirm" data-l10n-id="trust-confirm"></button>
            <button type="button" id="trust-cancel" data-l10n-id="trust-cancel"></button>
          </div>`
        : html`<button type="button" id="trust-pick" data-l10n-id="trust-pick"></button>`}
      <p id="trust-status" class="saved" role="status"></p>
    </fieldset>`,
  );
  if (translated) await translate(root);
  if (pending) {
    find(root, '#trust-confirm').addEventListener('click', async () => {
      try {
        await draw(root, app, await call('trust_key'), null);
        find(root, '#trust-pick').focus();
      } catch (e) {
        app.showError(e);
      }
    });
    find(root, '#trust-cancel').addEventListener('click', async () => {
      await draw(root, app, keys, null);
      find(root, '#trust-pick').focus();
    });
    find(root, '#pending-key-heading').setAttribute('tabindex', '-1');
    find(root, '#pending-key-heading').focus();
  } else {
    find(root, '#trust-pick').addEventListener('click', async () => {
      try {
        await draw(root, app, keys, await call('pick_key'));
      } catch (e) {
        if (!(e && typeof e === 'object' && 'kind' in e && e.kind === 'cancelled')) app.showError(e);
      }
    });
  }
}

/**
 * Draws the section into `root`, untranslated: the settings view translates it with the rest.
 * @param {HTMLElement} root
 * @param {import('../types.js').App} app
 * @param {import('../types.js').KeyView[]} keys the keys trusted now, from `settings_view`
 */
export async function renderTrustSettings(root, app, keys) {
  await draw(root, app, keys, null, false);
}
