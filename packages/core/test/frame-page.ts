/**
 * A page of its own in an iframe of the test page, loading one module, that reloads like a browser tab:
 * `pagehide` fires, and IndexedDB writes meet the unload as they would in a tab, so a test sees what a
 * reload keeps (a write started on `pagehide` and not committed at once is dropped by Chromium).
 */
export interface FramePage<Module> {
  /** The page's window, replaced by each reload. */
  readonly window: Window;
  /** The page's document, replaced by each reload. */
  readonly document: Document;
  /** The loaded module's exports, loaded again by each reload. */
  readonly module: Module;
  /** Reloads the page at once (nothing is awaited before), resolving once the module is loaded again. */
  reload(): Promise<void>;
  remove(): void;
}

type LoadedWindow<Module> = Window & { loaded?: Module };

/**
 * How long a test waits for an element of a page of its own to render (ms): the page loads its
 * modules afresh (0.5 to 0.7 s here when idle), more than waitUntil's 1 s default on a loaded CI
 * machine.
 */
export const FRAME_PAGE_TIMEOUT = 5000;

/** Opens a page in an iframe that imports `moduleUrl` (a path the test server serves), in `lang`. */
export async function framePage<Module = unknown>(moduleUrl: string, lang = 'en'): Promise<FramePage<Module>> {
  const iframe = document.createElement('iframe');
  iframe.style.cssText = 'width: 375px; height: 640px; border: 0';
  // Every module of the page under /frame/ (web-test-runner.config.js serves it as the same file): the
  // test page's coverage is not replaced by this page's.
  const importMap = JSON.stringify({ imports: { '/frame/': '/frame/', '/': '/frame/' } });
  iframe.srcdoc = `<!doctype html><html lang="${lang}"><head><script type="importmap">${importMap}</script></head
    ><body><script type="module">
    window.loaded = await import(${JSON.stringify(moduleUrl)});
  </script></body></html>`;
  const loaded = async () => {
    await new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
    const frameWindow = iframe.contentWindow as LoadedWindow<Module>;
    while (!frameWindow.loaded) await new Promise((resolve) => setTimeout(resolve, 5));
  };
  const firstLoad = loaded();
  document.body.append(iframe);
  await firstLoad;
  const frameWindow = () => iframe.contentWindow as LoadedWindow<Module>;
  return {
    get window() {
      return frameWindow();
    },
    get document() {
      return frameWindow().document;
    },
    get module() {
      return frameWindow().loaded!;
    },
    reload() {
      const reloaded = loaded();
      frameWindow().location.reload();
      return reloaded;
    },
    remove: () => iframe.remove(),
  };
}
