// @ts-check
// The Print buttons (agenda, concept note: `button[data-print]`): the print stylesheet (css/print.css) leaves only
// the page's content, black on white.

/** Makes every Print button, now and in views still to come, print the page. */
export function install() {
  document.addEventListener('click', (ev) => {
    if (ev.target instanceof Element && ev.target.closest('button[data-print]')) window.print();
  });
}
