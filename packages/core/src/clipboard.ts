/**
 * Copies `text` to the clipboard and says whether it worked. Older WebViews without the async
 * Clipboard API (or that refuse it) get the legacy way: a hidden, fixed text area (so the page does
 * not scroll) selected and copied with `execCommand('copy')`.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.body.appendChild(document.createElement('textarea'));
    area.value = text;
    area.style.cssText = 'position:fixed;opacity:0';
    area.select();
    const copied = document.execCommand('copy');
    area.remove();
    return copied;
  }
}
