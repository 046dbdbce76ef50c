/**
 * The create-tag form of `<cl-tag-editor>`, as a reactive controller loaded only when an associate
 * first opens a form (creating tags is rare; the editor stays small).
 */
import { css, html, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { live } from 'lit/directives/live.js';
import { tagNameProblem, type Tag, type TagGroup } from '@clienteling/core/trade.js';
import { toAdapterError } from '@clienteling/core/errors.js';
import { LocalizeController, defineMessages, type MessagesOf } from '@clienteling/core/elements.js';

const zhCN = {
  'tagEditor.newTag': '新建标签',
  'tagEditor.newTagIn': (group: string) => `在“${group}”中新建标签`,
  'tagEditor.add': '添加',
  'tagEditor.problem.empty': () => '请输入标签名称。',
  'tagEditor.problem.too-long': (max: number) => `标签名称最多 ${max} 个字。`,
  'tagEditor.problem.duplicate': () => '该分组已有同名标签。',
};

/** Their keys and arguments, which the English module translates. */
export type TagCreateStrings = typeof zhCN;

/**
 * Strings of the create-tag form :
 * zh-CN, and English on demand (`defineMessages`); `setMessages` overrides any.
 */
export const createMessages = defineMessages(zhCN, () => import('./tag-create.messages.en.js'));

/** Added to the editor's styles when the form's code loads. */
const formStyles = css`
  /* One row at 375 px: the name, its counter, Add and Cancel; a problem takes a row of its own. The
     padding keeps the focus ring inside the group, which clips what overflows it. */
  .create {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto auto auto;
    align-items: center;
    gap: var(--_cl-space-2);
    margin-top: var(--_cl-space-2);
    padding: var(--_cl-space-1);
  }
  .create input {
    width: 100%;
    min-width: 0;
  }
  .create p {
    grid-row: 1;
    grid-column: 2;
    color: var(--_cl-text-2);
    font-size: var(--_cl-font-sm);
    white-space: nowrap;
  }
  .create .problem {
    grid-row: 2;
    grid-column: 1 / -1;
    color: var(--_err, var(--_cl-danger));
    white-space: normal;
  }
  .create button {
    padding: 0 var(--_cl-space-3);
  }
  [aria-invalid='true'] {
    border: 2px solid var(--_err, var(--_cl-danger));
  }
`;

/** What the form needs from its editor. */
export interface CreateHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/** What the form needs from its editor besides the host element. */
export interface CreateOptions {
  /** The longest allowed name (policy). */
  maxLength(): number;
  /** Creates the tag through the adapter. */
  create(groupId: string, name: string): Promise<Tag>;
  /** The tag was created: add it to its group and select it. */
  created(tag: Tag): void;
}

/**
 * The "new tag" form of one group at a time: checks the name as the user types (length, duplicates),
 * creates the tag through `options.create`, and gives focus back to the group's "new tag" button when
 * it closes.
 */
export class TagCreateController implements ReactiveController {
  /** The group whose form is open. */
  open?: string;
  /** The group `name` was typed in. */
  private nameGroupId?: string;
  /** The name being typed. */
  private name = '';
  /** What is wrong with the name, in words; '' when nothing. */
  private problem = '';
  /** The create request is under way. */
  private creating = false;
  private readonly localize: LocalizeController<MessagesOf<typeof createMessages>>;

  constructor(
    private readonly host: CreateHost,
    private readonly options: CreateOptions,
  ) {
    host.addController(this);
    this.localize = new LocalizeController(host, createMessages);
    const root = host.renderRoot as ShadowRoot;
    if (formStyles.styleSheet) root.adoptedStyleSheets = [...root.adoptedStyleSheets, formStyles.styleSheet];
  }

  hostConnected(): void {}

  /** Opens the form of a group; reopening the same group's form keeps what was typed in it. */
  show(groupId: string): void {
    if (this.nameGroupId !== groupId) this.name = this.problem = '';
    this.open = this.nameGroupId = groupId;
    this.host.requestUpdate();
    this.focusAfterUpdate('#new-tag');
  }

  /** Closes the form and gives focus back to the group's "new tag" button. */
  close(): void {
    const groupId = this.open!;
    this.open = undefined;
    this.host.requestUpdate();
    this.focusAfterUpdate(`[data-create="${CSS.escape(groupId)}"]`);
  }

  private focusAfterUpdate(selector: string): void {
    void this.host.updateComplete.then(() => this.host.renderRoot.querySelector<HTMLElement>(selector)?.focus());
  }

  /** What is wrong with the name, in words ('' when nothing, and when empty unless `reportEmpty`). */
  private nameProblem(group: TagGroup, reportEmpty: boolean): string {
    const max = this.options.maxLength();
    const problem = tagNameProblem(this.name, group, max);
    if (!problem || (!reportEmpty && problem === 'empty')) return '';
    const translate = this.localize.t as (key: string, max: number) => string;
    return translate.call(this.localize, `tagEditor.problem.${problem}`, max);
  }

  private handleInput(e: Event, group: TagGroup): void {
    this.name = (e.target as HTMLInputElement).value;
    this.problem = this.nameProblem(group, false);
    this.host.requestUpdate();
  }

  private handleKeydown(e: KeyboardEvent): void {
    if (e.key === 'Escape') this.close();
  }

  private async handleSubmit(e: Event, group: TagGroup): Promise<void> {
    e.preventDefault();
    this.problem = this.nameProblem(group, true);
    this.host.requestUpdate();
    if (this.problem || this.creating) return this.focusAfterUpdate('#new-tag');
    this.creating = true;
    try {
      const tag = await this.options.create(group.id, this.name.trim());
      this.name = '';
      this.close();
      this.options.created(tag);
    } catch (error) {
      const adapterError = toAdapterError(error);
      this.problem =
        adapterError.code === 'conflict'
          ? this.localize.t('tagEditor.problem.duplicate')
          : this.localize.error(adapterError);
      this.focusAfterUpdate('#new-tag');
    } finally {
      this.creating = false;
      this.host.requestUpdate();
    }
  }

  /** The form of `group` (slotted at the end of the group in the picker). */
  render(group: TagGroup) {
    const { localize, problem } = this;
    const counter = `${[...this.name.trim()].length}/${this.options.maxLength()}`;
    return html`<form
      slot="after-${group.id}"
      part="create"
      class="create"
      novalidate
      @submit=${(e: Event) => this.handleSubmit(e, group)}
    >
      <input
        id="new-tag"
        autocomplete="off"
        enterkeyhint="done"
        aria-label=${localize.t('tagEditor.newTagIn', group.name)}
        placeholder=${localize.t('tagEditor.newTag')}
        aria-invalid=${problem ? 'true' : 'false'}
        aria-describedby="new-tag-hint"
        .value=${live(this.name)}
        @input=${(e: Event) => this.handleInput(e, group)}
        @keydown=${(e: KeyboardEvent) => this.handleKeydown(e)}
      />
      <button class="cl-button" data-variant="primary" ?disabled=${this.creating}
        >${localize.t('tagEditor.add')}</button
      >
      <button class="cl-button" type="button" @click=${() => this.close()}>${localize.t('common.cancel')}</button>
      <p id="new-tag-hint" class=${problem ? 'problem' : 'counter'} aria-live="polite"> ${problem || counter} </p>
    </form>`;
  }
}
