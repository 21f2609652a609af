import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach } from 'vitest';

/*
 * React rendering for component tests (under happy-dom): each render gets a fresh host in the
 * document, and every root is unmounted and the document emptied after each test, so a test
 * never sees the last one's DOM or effects.
 */

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let roots: Root[] = [];

/** Unmounts everything rendered so far and empties the document: after each test, or to start over within one. */
export function unmountAll(): void {
  for (const root of roots) act(() => root.unmount());
  roots = [];
  document.body.innerHTML = '';
}

afterEach(unmountAll);

function mount(): { host: HTMLElement; root: Root } {
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  roots.push(root);
  return { host, root };
}

/** Renders into a fresh host in the document (unmounted after each test). */
export function render(node: ReactNode): HTMLElement {
  const { host, root } = mount();
  act(() => root.render(node));
  return host;
}

/** Lets pending promises and zero-delay timers (a query's answer, an effect's follow-up) run, `turns` times. */
export async function settle(turns = 1): Promise<void> {
  for (let i = 0; i < turns; i++) await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
}

/** Renders, then settles `turns` times: for components that ask the background as they mount. */
export async function renderSettled(node: ReactNode, turns = 1): Promise<HTMLElement> {
  const { host, root } = mount();
  await act(async () => root.render(node));
  await settle(turns);
  return host;
}

export function buttonNamed(host: HTMLElement, name: string | RegExp): HTMLButtonElement | undefined {
  return [...host.querySelectorAll('button')].find((b) => (typeof name === 'string' ? b.textContent?.trim() === name : name.test(b.textContent ?? '')));
}
