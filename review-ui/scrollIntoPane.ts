/**
 * Scrolls `pane` (and only it: never the window, so the page header stays in view) so that `target` sits in
 * its middle, vertically and horizontally.
 */
export function scrollIntoPane(pane: HTMLElement, target: HTMLElement): void {
  const paneBox = pane.getBoundingClientRect();
  const box = target.getBoundingClientRect();
  pane.scrollTop += box.top + box.height / 2 - (paneBox.top + pane.clientHeight / 2);
  pane.scrollLeft += box.left + box.width / 2 - (paneBox.left + pane.clientWidth / 2);
}
