import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { visibleTagGroups, type Tag, type TagGroup } from '@clienteling/core';
import { LocalizeController, baseStyles, emit } from '@clienteling/core/elements.js';
import { pickerMessages } from './tag-picker.messages.js';
import { pickerStyles } from './tag-picker.styles.js';

/** The visual state of one tag: a change waiting for the backend, or one that was just rolled back. */
export type TagState = 'pending' | 'error';

/** Detail of `cl-tag-toggle`: the tag and its group, and the state the user wants it in. */
export interface TagToggleDetail {
  tag: Tag;
  group: TagGroup;
  selected: boolean;
}

/** The highlight position of a tag hidden by the query. */
const HIDDEN = -2;

/** The tag button an event happened on, if any. */
const tagButton = (e: Event) => (e.target as Element).closest('button[data-id]') as HTMLButtonElement | null;

/** A visible group with its visible tags, their case-folded names (for search) and its behaviour. */
interface GroupView {
  group: TagGroup;
  tags: Tag[];
  folded: string[];
  single: boolean;
  readonly: boolean;
}

/**
 * Tags in their groups, to choose from. Single-select groups are radio groups, multi-select groups
 * checkbox groups, rule groups read-only. Selection is controlled: the picker only asks for a change
 * with `cl-tag-toggle`; the host updates `selected`.
 *
 * Keyboard: one tab stop per group; arrow keys, Home and End move within the group; Space or Enter
 * toggles. Screen readers hear the group name (with "choose one" / "choose any"), the tag and its state.
 *
 * @summary Choose tags in groups: radio semantics for single-select groups, search with highlighting.
 *
 * @slot after-{groupId} - Content at the end of the group with that id (e.g. a create-tag form).
 *
 * @csspart group - A tag group.
 * @csspart group-label - The group's name and selection hint.
 * @csspart tags - The container of a group's tags (the radiogroup or group).
 * @csspart tag - A tag button; also `tag-selected`, `tag-pending` and `tag-error` by state.
 * @csspart match - The highlighted part of a tag name matching the query.
 * @csspart empty - The text shown when there are no tags, or none match the query.
 *
 * @cssproperty --cl-tag-picker-tag-background - Background of an unselected tag.
 * @cssproperty --cl-tag-picker-tag-color - Text colour of an unselected tag.
 * @cssproperty --cl-tag-picker-tag-selected-background - Background of a selected tag.
 * @cssproperty --cl-tag-picker-tag-selected-color - Text colour of a selected tag.
 * @cssproperty --cl-tag-picker-tag-radius - Corner radius of a tag.
 * @cssproperty --cl-tag-picker-tag-height - Minimum height of a tag (a touch target: 44px).
 * @cssproperty --cl-tag-picker-gap - Space between tags.
 * @cssproperty --cl-tag-picker-match-background - Colour behind the part of a name matching the query.
 *
 * @event cl-tag-toggle - The user asks to select or unselect a tag. Detail: `{ tag, group, selected }`.
 */
export class TagPicker extends LitElement {
  static override styles = [baseStyles, pickerStyles];

  /** The tag groups to show; soft-deleted groups and tags are hidden, larger `order` first. */
  @property({ attribute: false }) groups: TagGroup[] = [];

  /** Ids of the selected tags. Controlled: the picker never changes it itself. */
  @property({ attribute: false }) selected: string[] = [];

  /** Treat every group as multi-select (for audience filters). */
  @property({ type: Boolean, reflect: true }) multiple = false;

  /** Show the tags without letting the user change them. */
  @property({ type: Boolean, reflect: true }) readonly = false;

  /** Shows only the tags whose name contains this text, with the match highlighted; empty shows all. */
  @property() query = '';

  /** Per-tag visual state by tag id: `pending` (waiting for the backend) or `error` (just rolled back). */
  @property({ attribute: false }) states: Record<string, TagState> = {};

  /** Accessible name of the whole picker. */
  @property() label = '';

  private readonly l = new LocalizeController(this, pickerMessages);
  private views: GroupView[] = [];
  private byId = new Map<string, GroupView>();
  private chosen = new Set<string>();
  /** The tag holding each group's tab stop (roving tabindex), by group id. */
  private tabStops = new Map<string, string>();

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('groups') || changed.has('multiple') || changed.has('readonly')) {
      this.byId = new Map();
      this.views = visibleTagGroups(this.groups).map((group) => {
        const view: GroupView = {
          group,
          tags: group.tags,
          folded: group.tags.map((t) => t.name.toLocaleLowerCase()),
          single: group.selection === 'single' && !this.multiple,
          readonly: this.readonly || group.kind === 'rule',
        };
        for (const t of group.tags) this.byId.set(t.id, view);
        return view;
      });
    }
    if (changed.has('selected')) this.chosen = new Set(this.selected);
  }

  private onClick(e: Event): void {
    const button = tagButton(e);
    const view = button && this.byId.get(button.dataset.id!);
    if (!view || view.readonly) return;
    const tag = view.tags.find((t) => t.id === button.dataset.id)!;
    emit(this, 'cl-tag-toggle', {
      tag,
      group: this.groups.find((g) => g.id === view.group.id)!,
      selected: !this.chosen.has(tag.id),
    });
  }

  private onKeydown(e: KeyboardEvent): void {
    const button = tagButton(e);
    if (!button) return;
    const all = [...button.parentElement!.querySelectorAll<HTMLButtonElement>('button[data-id]:not([hidden])')];
    const i = all.indexOf(button);
    const n = all.length;
    const to = { ArrowRight: i + 1, ArrowDown: i + 1, ArrowLeft: i - 1 + n, ArrowUp: i - 1 + n, Home: 0, End: n - 1 }[
      e.key
    ];
    const next = to === undefined ? undefined : all[to % n];
    if (!next) return;
    e.preventDefault();
    next.focus();
  }

  /** Moves the group's tab stop to the tag that got focus (by keyboard, pointer or script). */
  private onFocusin(e: FocusEvent): void {
    const button = tagButton(e);
    const view = button && this.byId.get(button.dataset.id!);
    if (!view) return;
    for (const other of button.parentElement!.querySelectorAll<HTMLElement>('[tabindex="0"]')) other.tabIndex = -1;
    button.tabIndex = 0;
    this.tabStops.set(view.group.id, button.dataset.id!);
  }

  protected override render() {
    const { l } = this;
    const q = this.query.trim().toLocaleLowerCase();
    let found = 0;
    // Tags that do not match are hidden, not removed: clearing the query only shows them again.
    const sections = this.views.map((view, gi) => {
      const id = view.group.id;
      const wanted = this.tabStops.get(id);
      let shown = 0;
      let stop: Tag | undefined;
      let chosen: Tag | undefined;
      const at = view.tags.map((tag, i) => {
        const folded = view.folded[i]!;
        const where = q ? folded.indexOf(q) : -1;
        if (q && where < 0) return HIDDEN;
        shown++;
        if (tag.id === wanted || !stop) stop = tag;
        if (!chosen && this.chosen.has(tag.id)) chosen = tag;
        // Highlight only when case folding kept the length (true of Chinese and most Latin names).
        return tag.name.length === folded.length ? where : -1;
      });
      if (!stop || stop.id !== wanted) stop = chosen || stop;
      found += shown;
      const hint =
        view.group.kind === 'rule'
          ? l.t('tagPicker.rule')
          : l.t(view.single ? 'tagPicker.single' : 'tagPicker.multiple');
      return html`<section part="group" class="group" ?hidden=${!!q && !shown}
        ><div part="group-label" class="label" id="g${gi}">${view.group.name}<span class="hint">${hint}</span></div
        >${
          view.tags.length
            ? html`<div
                part="tags"
                class="tags ${view.readonly ? 'ro' : ''}"
                role=${view.single ? 'radiogroup' : 'group'}
                aria-labelledby="g${gi}"
                aria-readonly=${view.single && view.readonly ? 'true' : nothing}
                >${view.tags.map((tag, i) => this.renderTag(view, tag, at[i]!, q.length, tag === stop))}</div
              >`
            : nothing
        }<slot name="after-${id}"></slot
      ></section>`;
    });
    const empty = q ? l.t('tagPicker.noMatch', this.query.trim()) : this.views.length ? '' : l.t('tagPicker.empty');
    return html`<div
      role="group"
      aria-label=${this.label || nothing}
      @click=${this.onClick}
      @keydown=${this.onKeydown}
      @focusin=${this.onFocusin}
      >${sections}${found || !empty ? nothing : html`<p part="empty" class="empty">${empty}</p>`}<p
        class="cl-visually-hidden"
        role="status"
        >${q ? (found ? l.t('tagPicker.matches', found) : empty) : ''}</p
      ></div
    >`;
  }

  private renderTag(view: GroupView, tag: Tag, at: number, length: number, stop: boolean): TemplateResult {
    const checked = this.chosen.has(tag.id);
    const state = this.states[tag.id];
    const name = tag.name;
    const label =
      at < 0
        ? name
        : html`${name.slice(0, at)}<mark part="match">${name.slice(at, at + length)}</mark>${name.slice(at + length)}`;
    return html`<button
      type="button"
      ?hidden=${at === HIDDEN}
      part=${`tag${checked ? ' tag-selected' : ''}${state ? ` tag-${state}` : ''}`}
      role=${view.single ? 'radio' : 'checkbox'}
      aria-checked=${checked ? 'true' : 'false'}
      aria-readonly=${view.readonly && !view.single ? 'true' : nothing}
      data-id=${tag.id}
      data-state=${state ?? nothing}
      tabindex=${live(stop ? '0' : '-1')}
      >${label}${
        state
          ? html`<span class="cl-visually-hidden"
              >, ${this.l.t(state === 'pending' ? 'tagPicker.pending' : 'tagPicker.error')}</span
            >`
          : nothing
      }</button
    >`;
  }
}
