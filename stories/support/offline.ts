// The browser's own "no network" (navigator.onLine false and an `offline` event), for the stories of
// the offline notice every element shows. The adapter of the story still answers, as the default
// in-browser adapter does offline.

/** A Storybook `beforeEach`: the browser says it is offline during the story; undone afterwards. */
export function browserOffline() {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
  window.dispatchEvent(new Event('offline'));
  return () => {
    // Without the own property, `onLine` is the browser's again.
    delete (navigator as { onLine?: boolean }).onLine;
    window.dispatchEvent(new Event('online'));
  };
}
