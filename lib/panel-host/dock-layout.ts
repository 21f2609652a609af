/**
 * Makes room for the docked panel instead of covering the CRM: the page's root box gets narrower
 * by the panel's width, so everything in normal flow reflows beside it. Boxes placed against the
 * viewport — fixed app chrome (a CRM's top bar, toasts, drawers, dialogs) — ignore the root's
 * width, so the ones reaching under the panel are found by probing the strip the panel covers,
 * and are pulled in to end where the panel starts.
 *
 * Everything is set through the CSSOM (inline style, `!important`), which a page's
 * Content-Security-Policy does not restrict, and every change is undone when the panel goes.
 * Runs in the content script (4 kB gzip budget): plain DOM, no dependencies.
 */
export interface DockLayout {
  /** Reserve `width` px on the right (the panel's width, or its rail's when collapsed). */
  reserve(width: number): void;
  /** Look again for fixed boxes under the panel (after the CRM renders or navigates). */
  refit(): void;
  release(): void;
}

/** Heights probed in the strip under the panel: a top bar's, then the middle and the bottom of the viewport (fractions). */
const PROBES = [4, 30, 60, 0.5, 0.98];
const important = (el: HTMLElement, prop: string, value: string) => el.style.setProperty(prop, value, 'important');

export function createDockLayout(panel: Element): DockLayout {
  const root = document.documentElement;
  // Each pulled-in box with its own inline `right` and `max-width`, put back on release.
  const pulled = new Map<HTMLElement, string[]>();
  let width = 0;

  const pullIn = (el: HTMLElement) => {
    if (!pulled.has(el)) pulled.set(el, [el.style.right, el.style.maxWidth]);
    important(el, 'right', `${width}px`);
    important(el, 'max-width', `calc(100% - ${width}px)`);
  };

  function refit() {
    if (!width) return;
    for (const probe of PROBES) {
      for (const el of document.elementsFromPoint(innerWidth - width / 2, probe < 1 ? innerHeight * probe : probe)) {
        if (el instanceof HTMLElement && el !== panel && el !== root && getComputedStyle(el).position === 'fixed') pullIn(el);
      }
    }
  }

  return {
    reserve(next) {
      width = next;
      // A share of the viewport; min-width would undo it on CRMs that set one.
      important(root, 'width', `calc(100% - ${width}px)`);
      important(root, 'min-width', '0');
      pulled.forEach((_, el) => pullIn(el));
      refit();
    },
    refit,
    release() {
      width = 0;
      root.style.removeProperty('width');
      root.style.removeProperty('min-width');
      pulled.forEach(([right, maxWidth], el) => {
        el.style.right = right!;
        el.style.maxWidth = maxWidth!;
      });
      pulled.clear();
    },
  };
}
