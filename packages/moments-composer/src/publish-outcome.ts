// How a publication of <cl-moments-composer> ended, shown under its preview once the post is published
// or failed: a module of its own, which the element loads on demand (core's `OnDemand`, asked for when
// publishing starts), so that its first load carries only the form. Its strings load with it
// (publish-outcome.messages.ts), its look is in the element's styles.
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { ClientelingAdapter } from '@clienteling/core';
import type { Customer, Moment, MomentQuota } from '@clienteling/core/trade.js';
import { LocalizeController, type MessagesOf } from '@clienteling/core/elements.js';
import { publishOutcomeMessages } from './publish-outcome.messages.js';

/** The most unreached customers the list names (the rest are counted). */
const UNREACHED_LIST_MAX = 50;

/** The customers a published post could not reach, as far as the list has loaded. */
interface UnreachedList {
  names: string[];
  /** How many more there are than the list shows. */
  more: number;
}

/** What the outcome needs of its element. */
export interface PublishOutcomeLink {
  /** The element's adapter, when it has one. */
  api(): ClientelingAdapter | undefined;
  /** After a failed post: back to the form with the content kept. */
  editAgain(): void;
  /** After a post: an empty form for the next one. */
  newPost(): void;
}

/** What the outcome shows: the post as the adapter reported it, and today's quota for the next one. */
export interface OutcomeView {
  moment: Moment;
  /** Whether the post failed (else it was published). */
  failed: boolean;
  quota: MomentQuota;
  /** The store's time zone, in which the quota resets. */
  timeZone: string;
}

/**
 * The outcome of a publication, made once per element when its code arrives: published or failed,
 * who could not be reached (a list loaded the first time it opens), and what to do next.
 */
export class PublishOutcome {
  /** The post whose outcome shows; the list of who it could not reach is this post's. */
  private moment?: Moment;
  /** Whether the list of customers the post could not reach is open. */
  private unreachedOpen = false;
  /** Names of the customers the post could not reach, once loaded. */
  private unreachedList?: UnreachedList;

  /** Its strings and the element's, on the element: an English element waits for them to render. */
  private readonly localize: LocalizeController<MessagesOf<typeof publishOutcomeMessages>>;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly link: PublishOutcomeLink,
  ) {
    this.localize = new LocalizeController(host, publishOutcomeMessages);
  }

  /** How the publication of `view.moment` ended; another post starts with its list closed. */
  render(view: OutcomeView): TemplateResult {
    if (view.moment !== this.moment) {
      this.moment = view.moment;
      this.unreachedOpen = false;
      this.unreachedList = undefined;
    }
    const { localize } = this;
    const { moment, failed } = view;
    const reason = moment.failureReason ? html`<p>${moment.failureReason}</p>` : nothing;
    const next = failed
      ? html`<button class="cl-button" @click=${this.link.editAgain}>${localize.t('momentsComposer.again')}</button>`
      : this.renderNextPost(view);
    return html`<div part="status" class="status"
      ><p role="status" class=${failed ? 'bad' : ''}
        >${localize.t(failed ? 'momentsComposer.failed' : 'momentsComposer.published')}</p
      >${this.renderUnreached(moment)}${reason}${next}</div
    >`;
  }

  /** After a post: "New post" while today's quota allows one, else when the next one can go. */
  private renderNextPost({ quota, timeZone }: OutcomeView) {
    const { localize } = this;
    if (quota.remaining < 1) {
      const resetsAt = localize.date(quota.resetsAt, true, timeZone);
      return html`<p class="hint">${localize.t('momentsComposer.quotaUsed', resetsAt)}</p>`;
    }
    return html`<button class="cl-button" @click=${this.link.newPost}>${localize.t('momentsComposer.new')}</button>`;
  }

  /** How many customers the post could not reach, with a button that lists them. */
  private renderUnreached(moment: Moment) {
    const count = moment.unreachableCustomerIds.length;
    if (!count) return nothing;
    const { localize } = this;
    const toggleLabel = this.unreachedOpen ? 'momentsComposer.unreachedHide' : 'momentsComposer.unreachedShow';
    return html`<p
        >${localize.t('momentsComposer.unreached', count)}
        <button class="more" aria-expanded=${this.unreachedOpen} @click=${this.handleUnreachedToggle}
          >${localize.t(toggleLabel)}</button
        ></p
      >${this.unreachedOpen ? this.renderUnreachedList() : nothing}`;
  }

  private renderUnreachedList() {
    const { localize } = this;
    const list = this.unreachedList;
    if (!list) return html`<p class="hint">${localize.t('common.loading')}</p>`;
    const more = list.more
      ? html`<p class="hint">${localize.t('momentsComposer.unreachedMore', list.more)}</p>`
      : nothing;
    return html`<ul class="unreached">
        ${list.names.map((name) => html`<li>${name}</li>`)}
      </ul>
      ${more}`;
  }

  /** Opens or closes the list of customers the post could not reach (loaded the first time). */
  private handleUnreachedToggle = async () => {
    this.unreachedOpen = !this.unreachedOpen;
    this.host.requestUpdate();
    const { moment } = this;
    const api = this.link.api();
    if (!this.unreachedOpen || this.unreachedList || !moment || !api) return;
    const ids = moment.unreachableCustomerIds;
    const shown = ids.slice(0, UNREACHED_LIST_MAX);
    const found = await Promise.allSettled(shown.map((customerId) => api.getCustomer({ customerId })));
    const nameOf = (result: PromiseSettledResult<Customer>, index: number) =>
      result.status === 'fulfilled' ? result.value.remark || result.value.name : shown[index]!;
    if (moment !== this.moment) return;
    this.unreachedList = { names: found.map(nameOf), more: ids.length - shown.length };
    this.host.requestUpdate();
  };
}
