/**
 * Loads each element the first time its tag is in the page, so that the CDN build loads only what a
 * page uses: the provider and the adapters at once, an element's code when a `<cl-…>` of it appears.
 * An element's own inner elements (a profile's tag editor, a composer's tag picker) are loaded by the
 * element itself.
 *
 * The observer watches the document (or the root given). Elements a page puts inside a shadow root of
 * its own are not seen: call {@link loadElement} for them, or {@link autoload} with that root.
 */

/** The module that registers each element, loaded on demand. */
const DEFINITIONS: Readonly<Record<string, () => Promise<unknown>>> = {
  'cl-staff-card': () => import('@clienteling/staff-card/define.js'),
  'cl-tag-editor': () => import('@clienteling/tag-editor/define.js'),
  'cl-tag-picker': () => import('@clienteling/tag-editor/tag-picker.js'),
  'cl-moments-composer': () => import('@clienteling/moments-composer/define.js'),
  'cl-coupon-dispenser': () => import('@clienteling/coupon-dispenser/define.js'),
  'cl-group-member-list': () => import('@clienteling/group-member-list/define.js'),
  'cl-customer-profile': () => import('@clienteling/customer-profile/define.js'),
  'cl-customer-timeline': () => import('@clienteling/customer-timeline/define.js'),
  'cl-task-list': () => import('@clienteling/task-list/define.js'),
  'cl-customer-transfer': () => import('@clienteling/customer-transfer/define.js'),
  'cl-staff-results': () => import('@clienteling/staff-results/define.js'),
  'cl-script-library': () => import('@clienteling/script-library/define.js'),
  'cl-broadcast-composer': () => import('@clienteling/broadcast-composer/define.js'),
};

/** The tags the autoloader can load. */
export const AUTOLOADED_TAGS: readonly string[] = Object.keys(DEFINITIONS);

const loading = new Map<string, Promise<void>>();

/**
 * Loads and registers one element by its tag (`cl-staff-card`), once; resolves when it is defined.
 * Rejects for a tag this package does not have.
 */
export function loadElement(tag: string): Promise<void> {
  const name = tag.toLowerCase();
  const define = DEFINITIONS[name];
  if (!define) return Promise.reject(new Error(`<${name}> is not an element of @clienteling/elements`));
  let loaded = loading.get(name);
  if (!loaded) {
    loaded = define().then(() => customElements.whenDefined(name).then(() => undefined));
    // A failed load (offline) may be tried again the next time the tag appears.
    loaded.catch(() => loading.delete(name));
    loading.set(name, loaded);
  }
  return loaded;
}

/** Loads the undefined elements of ours under `root` (the root itself included when it is one). */
function loadUnder(root: ParentNode): void {
  const found = [...root.querySelectorAll(':not(:defined)')];
  if (root instanceof Element) found.push(root);
  for (const element of found) {
    const tag = element.localName;
    if (tag in DEFINITIONS && !customElements.get(tag)) void loadElement(tag).catch(reportFailure(tag));
  }
}

const reportFailure = (tag: string) => (error: unknown) => {
  console.error(`@clienteling/elements could not load <${tag}>`, error);
};

/**
 * Loads the elements under `root` now and each one added later. Returns a function that stops
 * watching. The CDN build calls it once for the document.
 */
export function autoload(root: Document | ShadowRoot | Element = document): () => void {
  loadUnder(root);
  const observer = new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) loadUnder(node);
  });
  observer.observe(root, { childList: true, subtree: true });
  return () => observer.disconnect();
}
