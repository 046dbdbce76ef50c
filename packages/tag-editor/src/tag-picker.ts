import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { visibleTagGroups, type Tag, type TagGroup } from '@clienteling/core/trade.js';
import { LocalizeController, baseStyles, catalogsLoading, emit } from '@clienteling/core/elements.js';
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

/** The highlight position of a tag hidden by the query, or by its folded group. */
const HIDDEN = -2;

/** The tag button an event happened on, if any. */
const tagButton = (e: Event) => (e.target as Element).closest('button[data-id]') as HTMLButtonElement | null;

/** A visible group with its visible tags and its behaviour. */
interface GroupView {
  group: TagGroup;
  tags: Tag[];
  /** The tags' case-folded names, for search: worked out on the first search, not on the first render. */
  searchNames?: string[];
  single: boolean;
  readonly: boolean;
}

/** How the query applies to one group. */
interface GroupMatch {
  /** Per tag: where to highlight the match, -1 for no highlight, `HIDDEN` when the tag does not match. */
  positions: number[];
  /** How many of the group's tags are shown. */
  shown: number;
  /** The index of the tag holding the group's tab stop (-1: none shown). */
  tabStop: number;
  /** How many tags the folded group hides (0 when it is open, or shows everything anyway). */
  folded: number;
}

/** A tag button, and what the picker last wrote into it (see `showMatches()`). */
interface TagButton {
  element: HTMLButtonElement;
  /** The index in its group of the tag it shows (none: a new button). */
  tagIndex?: number;
  /** Whether it shows as selected, its state, and the language of the state's words. */
  checked?: boolean;
  state?: TagState;
  stateLocale?: string;
  /** The name written, and where its mark starts and ends (-1: nothing marked). */
  name?: string;
  markFrom: number;
  markTo: number;
  /**
   * The nodes of the name, kept so that writing a name reads nothing from the DOM: a text (the
   * whole name, or the part before the match), and while a match is marked, the mark (with its
   * text) and a text after it, made for the first match the button marks.
   */
  before: Text;
  mark?: HTMLElement;
  matched?: Text;
  after?: Text;
  /** What `before`, `matched` and `after` hold. */
  texts: [string, string, string];
}

/**
 * The tag buttons of a group. The first `shownCount` show the shown tags, in order, in the
 * document; the others wait outside it.
 */
interface ShownGroup {
  /** The element holding the buttons. */
  container: HTMLElement;
  /** The buttons, in order: as many as the group ever showed tags at once. */
  buttons: TagButton[];
  /** How many of the first buttons show a tag. */
  shownCount: number;
  /** The selection, states and language the buttons were written for (none: nothing written yet). */
  writtenFor?: [ReadonlySet<string>, Record<string, TagState>, string];
  /** The index of the button holding the group's tab stop (-1: none). */
  tabStop: number;
}

/**
 * Writes a tag's name into its button, the part from `from` to `to` marked (nothing marked when
 * `from` is -1), unless the button shows it so already. Only texts whose words change are written:
 * each write makes the browser lay the text out again.
 */
function writeName(button: TagButton, name: string, from: number, to: number): void {
  if (button.name === name && button.markFrom === from && button.markTo === to) return;
  const { texts } = button;
  const marked = button.markFrom >= 0;
  button.name = name;
  button.markFrom = from;
  button.markTo = to;
  const before = from < 0 ? name : name.slice(0, from);
  if (texts[0] !== before) button.before.data = texts[0] = before;
  if (from < 0) {
    if (marked) {
      button.mark!.remove();
      button.after!.remove();
    }
    return;
  }
  // The same nodes, other text: cheaper than new nodes while the query grows or shrinks.
  if (!button.mark) {
    button.mark = document.createElement('mark');
    button.mark.setAttribute('part', 'match');
    button.matched = button.mark.appendChild(document.createTextNode(''));
    button.after = document.createTextNode('');
  }
  const matched = name.slice(from, to);
  const after = name.slice(to);
  if (texts[1] !== matched) button.matched!.data = texts[1] = matched;
  if (texts[2] !== after) button.after!.data = texts[2] = after;
  if (!marked) button.before.after(button.mark, button.after!);
}

/** Whether `ids` holds exactly the ids of `set` (an array from the host, a set kept here). */
function sameIds(set: ReadonlySet<string>, ids: readonly string[]): boolean {
  return set.size === ids.length && ids.every((id) => set.has(id));
}

/** Whether two records of tag states say the same. */
function sameStates(a: Record<string, TagState>, b: Record<string, TagState>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((id) => a[id] === b[id]);
}

/**
 * Tags in their groups, to choose from. Single-select groups are radio groups, multi-select groups
 * checkbox groups, rule groups read-only. Selection is controlled: the picker only asks for a change
 * with `cl-tag-toggle`; the host updates `selected`.
 *
 * A group with many tags (thousands in a company) shows its first `collapse-after` tags and the
 * selected ones, with a button that shows the rest ("Show all"); a search shows every match.
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
 * @csspart expand - The button that shows all of a folded group's tags, or folds it again.
 *
 * @cssproperty --cl-tag-picker-tag-background - Background of an unselected tag.
 * @cssproperty --cl-tag-picker-tag-color - Text colour of an unselected tag.
 * @cssproperty --cl-tag-picker-tag-selected-background - Background of a selected tag.
 * @cssproperty --cl-tag-picker-tag-selected-color - Text colour of a selected tag.
 * @cssproperty --cl-tag-picker-tag-radius - Corner radius of a tag.
 * @cssproperty --cl-tag-picker-tag-height - Minimum height of a tag (a touch target: 44px).
 * @cssproperty --cl-tag-picker-gap - Space between tags.
 * @cssproperty --cl-tag-picker-match-background - Colour behind the part of a name matching the query.
 * @cssproperty --cl-tag-picker-scroll-margin-bottom - Room kept under a focused tag (e.g. for a sticky bar).
 *
 * @event {CustomEvent<TagToggleDetail>} cl-tag-toggle - The user asks to select or unselect a tag.
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

  /** How many tags a group shows before it folds the rest behind "Show all" (`collapse-after`); 0 never folds. */
  @property({ type: Number, attribute: 'collapse-after' }) collapseAfter = 12;

  private readonly localize = new LocalizeController(this, pickerMessages);
  private groupViews: GroupView[] = [];
  /** The view of each tag's group, by tag id. */
  private viewByTagId = new Map<string, GroupView>();
  /** The selected ids as a set: a new set only when the selection changes (the tag buttons render again then). */
  private selectedIds = new Set<string>();
  /** `states`, kept while the host passes new records that say the same (the tag buttons render again only then). */
  private tagStates: Record<string, TagState> = {};
  /** The tag holding each group's tab stop (roving tabindex), by group id. */
  private tabStops = new Map<string, string>();
  /** How the query and folding apply to each group of `groupViews`, as last rendered. */
  private groupMatches: GroupMatch[] = [];
  /** What each group's tag buttons show (tag, name, marked match, tab stop), written by `showMatches()`. */
  private shownGroups = new WeakMap<GroupView, ShownGroup>();
  /** Ids of the groups the user opened (shows all their tags). */
  private openedGroups = new Set<string>();

  /* ---------------------------------------------------------------- lifecycle */

  /** Waits, before rendering, for the strings of the language the picker is in (English loads on demand). */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const loading = catalogsLoading(this);
    return loading ? loading.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('groups') || changed.has('multiple') || changed.has('readonly')) {
      this.viewByTagId = new Map();
      this.groupViews = visibleTagGroups(this.groups).map((group) => {
        const view: GroupView = {
          group,
          tags: group.tags,
          single: group.selection === 'single' && !this.multiple,
          readonly: this.readonly || group.kind === 'rule',
        };
        for (const tag of group.tags) this.viewByTagId.set(tag.id, view);
        return view;
      });
    }
    if (!sameIds(this.selectedIds, this.selected)) this.selectedIds = new Set(this.selected);
    if (!sameStates(this.tagStates, this.states)) this.tagStates = this.states;
  }

  protected override updated(): void {
    this.showMatches();
  }

  /**
   * Writes the tag buttons. The shown tags of a group are written into the group's first buttons,
   * in order, as a keyed-by-position list would: a keystroke in a search rewrites names, ids and
   * states of buttons that stay on screen, and adds or removes only the buttons at the end. (A
   * button per tag, hidden when its tag does not match, made the browser drop and rebuild the
   * style and layout of hundreds of buttons each time the matches changed.) Buttons are written
   * directly, and only where something changed since the last time, rather than through a template
   * per tag: with thousands of tags a template per tag costs three times as much to create.
   */
  private showMatches(): void {
    const markLength = this.query.trim().toLocaleLowerCase().length;
    const writtenFor: ShownGroup['writtenFor'] = [this.selectedIds, this.tagStates, this.localize.locale];
    const containers = this.renderRoot.querySelectorAll<HTMLElement>('.tags');
    const root = this.renderRoot as ShadowRoot;
    const focused = root.activeElement as HTMLElement | null;
    const focusedId = focused && focused.dataset.id;
    let containerIndex = 0;
    this.groupViews.forEach((view, i) => {
      if (!view.tags.length) return;
      const shown = this.shownGroup(view, containers[containerIndex++]!);
      const match = this.groupMatches[i]!;
      this.createButtons(view, shown, match.shown);
      const statesChanged = shown.writtenFor?.some((value, j) => value !== writtenFor[j]) ?? true;
      let index = 0;
      let tabStop = -1;
      match.positions.forEach((position, t) => {
        if (position === HIDDEN) return;
        const tag = view.tags[t]!;
        const button = shown.buttons[index]!;
        if (t === match.tabStop) tabStop = index;
        // A button that joins the document again was not written while it was out of it.
        if (button.tagIndex !== t || statesChanged || index >= shown.shownCount) {
          if (button.tagIndex !== t) button.element.dataset.id = tag.id;
          button.tagIndex = t;
          this.showState(button, tag.id);
        }
        writeName(button, tag.name, position, position < 0 ? -1 : position + markLength);
        index++;
      });
      this.showCount(shown, index);
      shown.writtenFor = writtenFor;
      this.moveTabStop(shown, tabStop);
    });
    // The focused tag keeps the focus when its button now shows another tag, or new groups got new buttons.
    if (focused && focusedId && (root.activeElement !== focused || focused.dataset.id !== focusedId)) {
      const button = root.querySelector<HTMLElement>(`button[data-id="${CSS.escape(focusedId)}"]`);
      if (button) button.focus();
      // A tag that no longer shows loses the focus, as a removed button does.
      else focused.blur();
    }
  }

  /** The group's buttons, as last written; anew when the container showed another group before. */
  private shownGroup(view: GroupView, container: HTMLElement): ShownGroup {
    const shown = this.shownGroups.get(view);
    if (shown?.container === container) return shown;
    container.textContent = '';
    const fresh: ShownGroup = { container, buttons: [], shownCount: 0, tabStop: -1 };
    this.shownGroups.set(view, fresh);
    return fresh;
  }

  /**
   * Creates buttons, outside the document, until the group has `count`: a group keeps as many as it
   * ever showed tags at once. A folded group creates none for the tags it hides.
   */
  private createButtons(view: GroupView, shown: ShownGroup, count: number): void {
    if (shown.buttons.length >= count) return;
    const model = tagButtonModel(view);
    while (shown.buttons.length < count) {
      const element = model.cloneNode(true) as HTMLButtonElement;
      shown.buttons.push({
        element,
        markFrom: -1,
        markTo: -1,
        before: element.firstChild as Text,
        texts: ['', '', ''],
      });
    }
  }

  /**
   * Puts the group's first `count` buttons in the document and takes the others out (kept for
   * later). Those that join were written outside it: no style or layout work for each write.
   */
  private showCount(shown: ShownGroup, count: number): void {
    const { buttons } = shown;
    if (count > shown.shownCount) {
      shown.container.append(...buttons.slice(shown.shownCount, count).map((button) => button.element));
    }
    for (let index = count; index < shown.shownCount; index++) {
      const { element } = buttons[index]!;
      element.remove();
      if (element.tabIndex === 0) element.tabIndex = -1;
    }
    shown.shownCount = count;
  }

  /**
   * Writes whether the button's tag is selected, and its state (pending, failed) for the eye
   * (`part`, `data-state`) and for screen readers (words after the name), where they changed.
   */
  private showState(button: TagButton, tagId: string): void {
    const checked = this.selectedIds.has(tagId);
    const state = this.tagStates[tagId];
    const { locale } = this.localize;
    const checkedChanged = button.checked !== checked;
    const stateChanged = button.state !== state;
    const textChanged = stateChanged || (state !== undefined && button.stateLocale !== locale);
    if (!checkedChanged && !textChanged) return;
    const { element } = button;
    if (checkedChanged) element.setAttribute('aria-checked', checked ? 'true' : 'false');
    element.setAttribute('part', `tag${checked ? ' tag-selected' : ''}${state ? ` tag-${state}` : ''}`);
    if (stateChanged && state) element.dataset.state = state;
    else if (stateChanged) element.removeAttribute('data-state');
    if (textChanged) this.writeStateText(element, state);
    button.checked = checked;
    button.state = state;
    button.stateLocale = locale;
  }

  /** Gives the tab stop of the group to button `index` (-1: none), and takes it from the others. */
  private moveTabStop(shown: ShownGroup, index: number): void {
    const stop = index < 0 ? undefined : shown.buttons[index]!.element;
    if (shown.tabStop === index && stop && stop.tabIndex === 0) return;
    for (const other of shown.container.querySelectorAll<HTMLElement>('[tabindex="0"]')) other.tabIndex = -1;
    if (stop) stop.tabIndex = 0;
    shown.tabStop = index;
  }

  /* ---------------------------------------------------------------- event handlers */

  private handleClick(e: Event): void {
    const button = tagButton(e);
    const view = button && this.viewByTagId.get(button.dataset.id!);
    if (!view || view.readonly) return;
    const tag = view.tags.find((candidate) => candidate.id === button.dataset.id)!;
    emit(this, 'cl-tag-toggle', {
      tag,
      group: this.groups.find((group) => group.id === view.group.id)!,
      selected: !this.selectedIds.has(tag.id),
    });
  }

  /** The words after the name of a pending or failed tag, for screen readers (the button's last node, a span). */
  private writeStateText(button: HTMLButtonElement, state: TagState | undefined): void {
    let stateText = button.lastChild?.nodeName === 'SPAN' ? (button.lastChild as HTMLElement) : undefined;
    if (!state) {
      stateText?.remove();
      return;
    }
    if (!stateText) {
      stateText = button.appendChild(document.createElement('span'));
      stateText.className = 'cl-visually-hidden';
    }
    stateText.textContent = `, ${this.localize.t(state === 'pending' ? 'tagPicker.pending' : 'tagPicker.error')}`;
  }

  /** Shows all the tags of a folded group, or folds it again. */
  private handleExpandClick(groupId: string): void {
    if (!this.openedGroups.delete(groupId)) this.openedGroups.add(groupId);
    this.requestUpdate();
  }

  /** Arrow keys, Home and End move the focus within a group (wrapping around). */
  private handleKeydown(e: KeyboardEvent): void {
    const button = tagButton(e);
    if (!button) return;
    const buttons = [...button.parentElement!.querySelectorAll<HTMLButtonElement>('button[data-id]')];
    const index = buttons.indexOf(button);
    const count = buttons.length;
    const targets: Record<string, number> = {
      ArrowRight: index + 1,
      ArrowDown: index + 1,
      ArrowLeft: index - 1 + count,
      ArrowUp: index - 1 + count,
      Home: 0,
      End: count - 1,
    };
    const target = targets[e.key];
    const next = target === undefined ? undefined : buttons[target % count];
    if (!next) return;
    e.preventDefault();
    next.focus();
  }

  /** Moves the group's tab stop to the tag that got focus (by keyboard, pointer or script). */
  private handleFocusIn(e: FocusEvent): void {
    const button = tagButton(e);
    const view = button && this.viewByTagId.get(button.dataset.id!);
    if (!view) return;
    for (const other of button.parentElement!.querySelectorAll<HTMLElement>('[tabindex="0"]')) other.tabIndex = -1;
    button.tabIndex = 0;
    this.tabStops.set(view.group.id, button.dataset.id!);
  }

  /* ---------------------------------------------------------------- rendering */

  /**
   * Where the (case-folded) query matches the group's tags, which tag holds the tab stop, and how
   * many tags a folded group hides (without a query: those after `collapseAfter` that are not selected).
   */
  private matchGroup(view: GroupView, query: string): GroupMatch {
    const wanted = this.tabStops.get(view.group.id);
    const foldsAfter =
      !query && this.collapseAfter > 0 && !this.openedGroups.has(view.group.id) ? this.collapseAfter : Infinity;
    const searchNames = query ? (view.searchNames ??= view.tags.map((tag) => tag.name.toLocaleLowerCase())) : [];
    let shown = 0;
    let folded = 0;
    let tabStop = -1;
    let firstSelected = -1;
    const positions = view.tags.map((tag, i) => {
      const searchName = searchNames[i];
      const position = searchName === undefined ? -1 : searchName.indexOf(query);
      if (query && position < 0) return HIDDEN;
      if (i >= foldsAfter && !this.selectedIds.has(tag.id)) {
        folded++;
        return HIDDEN;
      }
      shown++;
      if (tag.id === wanted || tabStop < 0) tabStop = i;
      if (firstSelected < 0 && this.selectedIds.has(tag.id)) firstSelected = i;
      // Highlight only when case folding kept the length (true of Chinese and most Latin names).
      return searchName === undefined || tag.name.length === searchName.length ? position : -1;
    });
    // The tag that had the stop keeps it while shown; else the first selected tag, else the first shown.
    if (tabStop < 0 || view.tags[tabStop]!.id !== wanted) tabStop = firstSelected < 0 ? tabStop : firstSelected;
    return { positions, shown, tabStop, folded };
  }

  /** The text shown when nothing is shown: no match for the query, or no tags at all. */
  private emptyText(query: string): string {
    if (query) return this.localize.t('tagPicker.noMatch', this.query.trim());
    return this.groupViews.length ? '' : this.localize.t('tagPicker.empty');
  }

  /** What the live region says while searching: how many tags match. */
  private statusText(query: string, found: number, empty: string): string {
    if (!query) return '';
    return found ? this.localize.t('tagPicker.matches', found) : empty;
  }

  private groupHint(view: GroupView): string {
    if (view.group.kind === 'rule') return this.localize.t('tagPicker.rule');
    return this.localize.t(view.single ? 'tagPicker.single' : 'tagPicker.multiple');
  }

  protected override render() {
    const query = this.query.trim().toLocaleLowerCase();
    const matches = (this.groupMatches = this.groupViews.map((view) => this.matchGroup(view, query)));
    const found = matches.reduce((sum, match) => sum + match.shown, 0);
    const empty = this.emptyText(query);
    return html`<div
      role="group"
      aria-label=${this.label || nothing}
      @click=${this.handleClick}
      @keydown=${this.handleKeydown}
      @focusin=${this.handleFocusIn}
      >${this.groupViews.map((view, i) => this.renderGroup(view, i, matches[i]!, query))}${
        found || !empty ? nothing : html`<p part="empty" class="empty">${empty}</p>`
      }<p class="cl-visually-hidden" role="status">${this.statusText(query, found, empty)}</p></div
    >`;
  }

  private renderGroup(view: GroupView, index: number, match: GroupMatch, query: string): TemplateResult {
    const labelId = `g${index}`;
    return html`<section part="group" class="group" ?hidden=${!!query && !match.shown}
      ><div part="group-label" class="label" id=${labelId}
        >${view.group.name}<span class="hint">${this.groupHint(view)}</span></div
      >${view.tags.length ? this.renderTags(view, labelId) : nothing}${this.renderExpand(view, match)}<slot
        name="after-${view.group.id}"
      ></slot
    ></section>`;
  }

  /** "Show all (N more)" under a folded group, "Show fewer" under an opened one; nothing for a short group. */
  private renderExpand(view: GroupView, match: GroupMatch) {
    const opened = this.openedGroups.has(view.group.id);
    if (!match.folded && !opened) return nothing;
    const label = opened ? this.localize.t('tagPicker.fold') : this.localize.t('tagPicker.expand', match.folded);
    return html`<button
      type="button"
      part="expand"
      class="expand"
      aria-expanded=${opened ? 'true' : 'false'}
      @click=${() => this.handleExpandClick(view.group.id)}
      >${label}</button
    >`;
  }

  /** The group's tags: a radio group for a single-select group, else a group of checkboxes (see `showMatches()`). */
  private renderTags(view: GroupView, labelId: string): TemplateResult {
    return html`<div
      part="tags"
      class="tags ${view.readonly ? 'ro' : ''}"
      role=${view.single ? 'radiogroup' : 'group'}
      aria-labelledby=${labelId}
      aria-readonly=${view.single && view.readonly ? 'true' : nothing}
    ></div>`;
  }
}

/**
 * A button of the group's tags before a tag's id, selection and name are written: the role, a
 * read-only checkbox's `aria-readonly`, out of the tab order, and a text node for the name.
 */
function tagButtonModel(view: GroupView): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.tabIndex = -1;
  button.setAttribute('role', view.single ? 'radio' : 'checkbox');
  if (view.readonly && !view.single) button.setAttribute('aria-readonly', 'true');
  button.append(''); // the name's text
  return button;
}
