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
 * @template {keyof import('./types.js').Commands} K
 * @param {K} command
 * @param {Record<string, unknown>} [args]
 * @returns {Promise<import('./types.js').Commands[K]>}
 */
export async function call(command, args = {}) {
  if (!core) throw new BackendError('no-backend', 'backend unavailable');
  try {
    return /** @type {import('./types.js').Commands[K]} */ (await core.invoke(command, args));
  } catch (e) {
    if (e && typeof e === 'object' && 'kind' in e) {
      const { kind, message } = /** @type {{ kind: unknown, message?: unknown }} */ (e);
      throw new BackendError(String(kind), String(message ?? ''));
    }
    throw new BackendError('internal', String(e));
  }
}
