// The states of a paged list, shared by the script library and the task list (styled by `listStyles`).
// In a module of its own, so that an element that does not import it pays nothing.
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { AdapterError } from './errors.js';
import type { LocalizeController } from './localize.js';
import type { CoreMessages } from './messages.js';

/** What the shared templates need of an element's localization: the common words and an error's words. */
export type PanelLocalize = Pick<LocalizeController<CoreMessages>, 't' | 'error'>;

/** What `renderListState` shows, and what it calls back. */
export interface ListStateOptions<T> {
  localize: PanelLocalize;
  /** Whether the element has an adapter (without one it says so). */
  connected: boolean;
  /** The items loaded so far; `undefined` while the first page loads. */
  items: readonly T[] | undefined;
  /** Why the last load failed (shown above the items, or alone when there are none yet). */
  loadError: AdapterError | undefined;
  /** Called by Retry, shown when the error is retryable. */
  onRetry: () => void;
  /** One row of the skeleton (an `aria-hidden` `<li>`), shown three times while the first page loads. */
  skeletonRow: TemplateResult;
  /** The empty state (`renderEmpty`), when the adapter found nothing. */
  renderEmpty: () => TemplateResult;
  /** The stable key of an item, for `repeat`. */
  keyOf: (item: T) => string;
  /** One item of the list. */
  renderItem: (item: T) => TemplateResult;
  /** What follows the list ("show more", `renderMore`). */
  renderAfter: () => unknown;
}

/** The list (`part="list"`), its skeleton while loading (`part="skeleton"`), or why there is none. */
export function renderListState<T>(options: ListStateOptions<T>): TemplateResult {
  const { localize, items, loadError } = options;
  if (!options.connected) return html`<p class="note">${localize.t('common.noAdapter')}</p>`;
  if (loadError && !items) return renderLoadError(localize, loadError, options.onRetry);
  if (!items) return renderSkeleton(localize, options.skeletonRow);
  if (!items.length) return options.renderEmpty();
  return html`${loadError ? renderLoadError(localize, loadError, options.onRetry) : nothing}
    <ul part="list" class="list">
      ${repeat(items, options.keyOf, options.renderItem)}
    </ul>
    ${options.renderAfter()}`;
}

/** Why the list could not load (`part="error"`, an alert), with Retry when trying again may help. */
function renderLoadError(localize: PanelLocalize, error: AdapterError, onRetry: () => void) {
  const retry = error.retryable
    ? html`<button class="cl-button" type="button" @click=${onRetry}>${localize.t('common.retry')}</button>`
    : nothing;
  return html`<div part="error" class="note" role="alert"><p>${localize.error(error)}</p>${retry}</div>`;
}

function renderSkeleton(localize: PanelLocalize, row: TemplateResult) {
  return html`<div part="skeleton" aria-busy="true"
    ><span class="cl-visually-hidden" role="status">${localize.t('common.loading')}</span
    ><ul class="list"
      >${row}${row}${row}</ul
    ></div
  >`;
}

/** The empty state (`part="empty"`, styled by `emptyStyles`): a title and a hint, announced when `announce` is set. */
export function renderEmpty(title: string, hint: string, announce = false): TemplateResult {
  return html`<div part="empty" class="empty" role=${announce ? 'status' : nothing}>
    <p class="empty-title">${title}</p>
    <p class="empty-hint">${hint}</p>
  </div>`;
}

/** The element's words for "show more". */
export interface MoreWords {
  more: string;
  loadingMore: string;
  /** Said (an alert) when the last "show more" failed; the button then says Retry. */
  moreFailed: string;
}

/** What `renderMore` shows, and what it calls back. */
export interface MoreOptions {
  localize: PanelLocalize;
  words: MoreWords;
  loading: boolean;
  failed: boolean;
  onClick: () => void;
}

/** The "show more" button (`part="more"`), with the failure of the last try above it. */
export function renderMore({ localize, words, loading, failed, onClick }: MoreOptions): TemplateResult {
  const failure = failed ? html`<p class="more-error" role="alert">${words.moreFailed}</p>` : nothing;
  let label = words.more;
  if (loading) label = words.loadingMore;
  else if (failed) label = localize.t('common.retry');
  return html`${failure}<button part="more" class="cl-button more" type="button" ?disabled=${loading} @click=${onClick}
      >${label}</button
    >`;
}
