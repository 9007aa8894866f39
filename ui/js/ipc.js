// @ts-check
// The only module that touches window.__TAURI__: every call to the backend goes through `call`, which turns
// a failure into an Error carrying the backend's { kind, message }. Each command's result type is in types.js.

const core = window.__TAURI__ && window.__TAURI__.core;

export class BackendError extends Error {
  /**
   * @param {string} kind
   * @param {string} message
   */
  constructor(kind, message) {
    super(message);
    this.kind = kind;
  }
}

/**
 * The commands that change the settings file: Rust's `SAVES_SETTINGS` (src-tauri/src/command_names.rs), which an
 * IPC test keeps equal to this list. After one succeeds, `call` asks for `notices`: a write that failed is told
 * there, once.
 */
const SAVES_SETTINGS = new Set([
  'set_language',
  'meeting_save',
  'meeting_remove',
  'set_timezone',
  'set_reminders',
  'set_theme',
  'set_text_scale',
  'show_event',
  'open_pack',
]);

/** @type {(notices: import('./types.js').ShownNotice[]) => void} */
let showNotices = () => {};

/** Sets what shows notices that arrive after a command (main.js shows them as alerts). */
export function onNotices(/** @type {(notices: import('./types.js').ShownNotice[]) => void} */ show) {
  showNotices = show;
}

/**
 * @template {keyof import('./types.js').Commands} K
 * @param {K} command
 * @param {Record<string, unknown>} [args]
 * @returns {Promise<import('./types.js').Commands[K]>}
 */
export async function call(command, args = {}) {
  if (!core) throw new BackendError('no-backend', 'backend unavailable');
  try {
    const result = /** @type {import('./types.js').Commands[K]} */ (await core.invoke(command, args));
    if (SAVES_SETTINGS.has(command)) {
      const notices = /** @type {import('./types.js').ShownNotice[]} */ (await core.invoke('notices', {}));
      if (notices.length) showNotices(notices);
    }
    return result;
  } catch (e) {
    if (e && typeof e === 'object' && 'kind' in e) {
      const { kind, message } = /** @type {{ kind: unknown, message?: unknown }} */ (e);
      throw new BackendError(String(kind), String(message ?? ''));
    }
    throw new BackendError('internal', String(e));
  }
}
