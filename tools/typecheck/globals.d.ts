// What the page's scripts find on `window` and never import: Tauri's global API (`app.withGlobalTauri`), used by
// ui/js/ipc.js only, and the `gcm:live` event that ui/js/live.js dispatches.

interface Window {
  __TAURI__?: {
    core: { invoke(command: string, args?: Record<string, unknown>): Promise<unknown> };
  };
}

interface WindowEventMap {
  'gcm:live': CustomEvent<import('../../ui/js/types.js').Live>;
}
