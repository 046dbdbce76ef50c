// Play functions bring an element to a state that needs a click or a file, so that a static
// snapshot of the story (and the story test) shows that state.
import { wait } from '../fake-network.js';

/** Waits until `find()` returns something (polling every 50 ms), or fails after `timeout` ms. */
export async function waitFor<T>(find: () => T | null | undefined, what: string, timeout = 10_000): Promise<T> {
  for (const started = Date.now(); Date.now() - started < timeout; await wait(50)) {
    const found = find();
    if (found) return found;
  }
  throw new Error(`Timed out waiting for ${what}`);
}

/** The first `selector` in the shadow root of the first `tagName` of the story. */
export function inShadow<T extends Element = HTMLElement>(canvas: HTMLElement, tagName: string, selector: string) {
  return canvas.querySelector(tagName)?.shadowRoot?.querySelector<T>(selector) ?? null;
}

/** Waits for `selector` in the element's shadow root, then clicks it. */
export async function clickInShadow(canvas: HTMLElement, tagName: string, selector: string) {
  const target = await waitFor(() => inShadow<HTMLElement>(canvas, tagName, selector), `${selector} in <${tagName}>`);
  target.click();
  return target;
}

/** The button whose text is one of `labels` (a story may be shown in either language). */
export function buttonLabelled(root: ParentNode | null | undefined, labels: string[]) {
  const buttons = [...(root?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
  return buttons.find((button) => labels.includes(button.textContent!.trim())) ?? null;
}

/** Gives a file input these files, as if the user picked them. */
export function pickFiles(input: HTMLInputElement, files: File[]) {
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}
