// The only module that touches window.__TAURI__: every call to the backend goes through `call`, which turns
// a failure into an Error carrying the backend's { kind, message }.

const core = window.__TAURI__ && window.__TAURI__.core;

export class BackendError extends Error {
  constructor(kind, message) {
    super(message);
    this.kind = kind;
  }
}

export async function call(command, args = {}) {
  if (!core) throw new BackendError('no-backend', 'backend unavailable');
  try {
    return await core.invoke(command, args);
  } catch (e) {
    if (e && typeof e === 'object' && 'kind' in e) throw new BackendError(e.kind, e.message);
    throw new BackendError('internal', String(e));
  }
}
