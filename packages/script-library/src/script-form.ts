/**
 * The form of an associate's own script (a new one, or one being edited): category, title and words
 * with their counters and problems, the variables to insert, Save and Cancel, and what a save does.
 * `<cl-script-library>` loads this module on demand (core's `OnDemand`) when the browser is idle or
 * the form is opened: its first screen (tabs, search, the list) does not carry it. What was typed is
 * held by the library (`ScriptForm`); the list's changes while a script is saved are the library's too.
 * Its strings (script-form.messages.ts) load with it.
 */
import { html, nothing, type LitElement, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import {
  LIMITS,
  SCRIPT_VARIABLES,
  isInvisible,
  unknownScriptVariables,
  type ClientelingAdapter,
  type Script,
  type ScriptCategory,
  type ScriptContent,
  type ScriptVariable,
} from '@clienteling/core/trade.js';
import { toAdapterError } from '@clienteling/core/errors.js';
import {
  emit,
  renderCounter,
  renderFormButtons,
  type FeedbackController,
  type LocalizeController,
  type MessagesOf,
} from '@clienteling/core/elements.js';
import type { scriptFormMessages } from './script-form.messages.js';

export { scriptFormMessages } from './script-form.messages.js';

/** The form of an own script, new or being edited: what the associate typed. */
export interface ScriptForm {
  /** The script being edited; absent for a new one. */
  editing?: Script;
  categoryId: string;
  title: string;
  /** The words of a text script (a card's or an image's content is not edited here). */
  text: string;
  /** The request id of a new script: a save again after a failure reuses it (`once`). */
  requestId: string;
}

/** What the form reads and changes of the library that shows it. */
export interface ScriptFormHost {
  /** The library: its shadow root (for the focus), its updates and the events it sends. */
  readonly element: LitElement;
  /** The form's strings and the library's, on the library (see `scriptFormMessages`). */
  readonly localize: LocalizeController<MessagesOf<typeof scriptFormMessages>>;
  readonly feedback: FeedbackController;
  /** The adapter the library talks to now. */
  api(): ClientelingAdapter | undefined;
  /** The signed-in associate's id (the owner of a new script), once known. */
  staffId(): string | undefined;
  /** The moment a change is stamped with. */
  now(): Date;
  /** The id a new script shows under until the adapter answers (from its request id). */
  pendingId(requestId: string): string;
  /** What the form holds now (undefined once it is closed). */
  form(): ScriptForm | undefined;
  /** The variable's name in the associate's words ("customer's name"). */
  variableName(variable: ScriptVariable): string;
  /** Changes what the form holds, or closes it (no form); `error`: why the last save failed. */
  setForm(form: ScriptForm | undefined, error?: string): void;
  /** The list shows `shown` at once, marked as being saved: in place of `before`, else first where the tab lists it. */
  showSaving(shown: Script, before?: Script): void;
  /** The adapter saved `shown`: `saved` takes its place. */
  showSaved(shown: Script, saved: Script): void;
  /** The adapter refused `shown`: `before` comes back, or the new script leaves. */
  takeBack(shown: Script, before?: Script): void;
}

/** What the form shows now. */
export interface ScriptFormView {
  form: ScriptForm;
  /** Why the last save failed, if it did. */
  error?: string;
  /** The script is being saved (its Save waits). */
  saving: boolean;
  /** The categories a script may go in. */
  categories: readonly ScriptCategory[];
}

/** The form (`part="form"`, `#script-form`), its title field focused by the library when it opens. */
export function renderScriptForm(host: ScriptFormHost, view: ScriptFormView): TemplateResult {
  const { localize } = host;
  const { form, error, saving } = view;
  return html`<form
    part="form"
    class="form"
    id="script-form"
    aria-labelledby="form-heading"
    @submit=${(e: SubmitEvent) => handleSubmit(host, e)}
    @keydown=${(e: KeyboardEvent) => handleKeydown(host, e)}
  >
    <h3 id="form-heading">${localize.t(form.editing ? 'scriptLibrary.editTitle' : 'scriptLibrary.addTitle')}</h3>
    ${renderCategoryField(host, view)} ${renderTitleField(host, form)}
    ${editsText(form) ? renderTextField(host, form) : nothing}
    ${error ? html`<p class="problem" role="alert">${error}</p>` : nothing}
    ${renderFormButtons({
      localize,
      saveLabel: localize.t(saving ? 'scriptLibrary.saving' : 'scriptLibrary.save'),
      saveDisabled: !canSave(host, form) || saving,
      onCancel: () => void cancel(host),
    })}
  </form>`;
}

/* ---------------------------------------------------------------- fields */

function renderCategoryField(host: ScriptFormHost, { form, categories }: ScriptFormView) {
  return html`<label for="script-category">${host.localize.t('scriptLibrary.formCategory')}</label>
    <select
      id="script-category"
      .value=${live(form.categoryId)}
      @change=${(e: Event) => handleInput(host, 'categoryId', e)}
    >
      ${categories.map(
        (category) =>
          html`<option value=${category.id} ?selected=${category.id === form.categoryId}>${category.name}</option>`,
      )}
    </select>`;
}

function renderTitleField(host: ScriptFormHost, form: ScriptForm) {
  const problem = titleProblem(host, form);
  return html`<label for="script-title">${host.localize.t('scriptLibrary.formTitle')}</label>
    <input
      id="script-title"
      autocomplete="off"
      aria-describedby="title-count${problem ? ' title-problem' : ''}"
      aria-invalid=${problem ? 'true' : 'false'}
      .value=${live(form.title)}
      @input=${(e: Event) => handleInput(host, 'title', e)}
    />
    ${renderCounter({
      localize: host.localize,
      id: 'title-count',
      length: form.title.length,
      max: LIMITS.scriptTitleMaxLength,
      over: !!problem,
    })}
    ${problem ? html`<p class="problem" id="title-problem">${problem}</p>` : nothing}`;
}

function renderTextField(host: ScriptFormHost, form: ScriptForm) {
  const { localize } = host;
  const problem = textProblem(host, form);
  return html`<label for="script-text">${localize.t('scriptLibrary.formText')}</label>
    <textarea
      id="script-text"
      rows="4"
      aria-describedby="text-count${problem ? ' text-problem' : ''}"
      aria-invalid=${problem ? 'true' : 'false'}
      .value=${live(form.text)}
      @input=${(e: Event) => handleInput(host, 'text', e)}
    ></textarea>
    ${renderCounter({ localize, id: 'text-count', length: form.text.length, max: LIMITS.scriptTextMaxLength })}
    ${problem ? html`<p class="problem" id="text-problem">${problem}</p>` : nothing}
    <div class="insert" role="group" aria-label=${localize.t('scriptLibrary.insert')}>
      ${SCRIPT_VARIABLES.map(
        (variable) =>
          html`<button
            class="cl-button insert-button"
            type="button"
            data-variable=${variable}
            aria-label=${localize.t('scriptLibrary.insertVariable', host.variableName(variable))}
            @click=${() => handleInsertClick(host, variable)}
            >+ ${host.variableName(variable)}</button
          >`,
      )}
    </div>`;
}

/* ---------------------------------------------------------------- rules */

/** Whether the form edits words (a new script, or a text one: a card's content is not edited here). */
function editsText(form: ScriptForm): boolean {
  return !form.editing || form.editing.content.kind === 'text';
}

function titleProblem(host: ScriptFormHost, form: ScriptForm): string | undefined {
  const max = LIMITS.scriptTitleMaxLength;
  return form.title.length > max ? host.localize.t('common.tooLong', max) : undefined;
}

/** Too long, or `{name}`s that are not variables (explained before saving). */
function textProblem(host: ScriptFormHost, form: ScriptForm): string | undefined {
  const { localize } = host;
  const { text } = form;
  if (!editsText(form)) return undefined;
  const max = LIMITS.scriptTextMaxLength;
  if (text.length > max) return localize.t('common.tooLong', max);
  const unknown = unknownScriptVariables(text);
  if (!unknown.length) return undefined;
  const separator = localize.locale === 'zh-CN' ? '、' : ', ';
  const known = SCRIPT_VARIABLES.map((name) => `{${name}} ${host.variableName(name)}`).join(separator);
  return localize.t('scriptLibrary.unknownVariables', unknown.map((name) => `{${name}}`).join(separator), known);
}

function canSave(host: ScriptFormHost, form: ScriptForm): boolean {
  if (!form.categoryId) return false;
  const title = form.title.trim();
  if (!title || isInvisible(title) || titleProblem(host, form)) return false;
  if (!editsText(form)) return true;
  return !!form.text.trim() && !isInvisible(form.text) && !textProblem(host, form);
}

/* ---------------------------------------------------------------- saving */

/** The script as the form says, for the list to show at once. */
function formScript(host: ScriptFormHost, form: ScriptForm): Script {
  const at = host.now().toISOString();
  const content: ScriptContent =
    form.editing && form.editing.content.kind !== 'text' ? form.editing.content : { kind: 'text', text: form.text };
  const ownerId = host.staffId();
  const base = form.editing ?? {
    id: host.pendingId(form.requestId),
    scope: 'own' as const,
    useCount: 0,
    createdAt: at,
    ...(ownerId ? { ownerId } : {}),
  };
  return { ...base, categoryId: form.categoryId, title: form.title.trim(), content, updatedAt: at };
}

/** Only what changed, as `updateScript` takes it. */
function changesOf(before: Script, after: Script) {
  return {
    scriptId: before.id,
    ...(after.categoryId !== before.categoryId ? { categoryId: after.categoryId } : {}),
    ...(after.title !== before.title ? { title: after.title } : {}),
    ...(JSON.stringify(after.content) !== JSON.stringify(before.content) ? { content: after.content } : {}),
  };
}

/** Saves the form: the script shows (or changes) at once; a refusal takes it back and opens the form again. */
async function save(host: ScriptFormHost): Promise<void> {
  const api = host.api();
  const form = host.form();
  if (!api || !form || !canSave(host, form)) return;
  const { element, localize } = host;
  const shown = formScript(host, form);
  const before = form.editing;
  host.setForm(undefined);
  host.showSaving(shown, before);
  try {
    const saved = before
      ? await api.updateScript(changesOf(before, shown))
      : await api.createScript({
          requestId: form.requestId,
          categoryId: shown.categoryId,
          title: shown.title,
          content: shown.content,
        });
    host.showSaved(shown, saved);
    host.feedback.show(localize.t('scriptLibrary.saved', saved.title));
    emit(element, 'cl-script-change', { script: saved, change: before ? 'update' : 'create' });
    await element.updateComplete;
    element.renderRoot.querySelector<HTMLElement>('[part~="add"]')?.focus();
  } catch (error) {
    host.takeBack(shown, before);
    host.setForm(form, localize.t('scriptLibrary.notSaved', localize.error(toAdapterError(error))));
    await element.updateComplete;
    element.renderRoot.querySelector<HTMLElement>('#script-title')?.focus();
  }
}

/** Closes the form and gives the focus back to what opened it. */
async function cancel(host: ScriptFormHost): Promise<void> {
  const { element } = host;
  const editing = host.form()?.editing;
  host.setForm(undefined);
  await element.updateComplete;
  const back = editing ? `[data-script="${CSS.escape(editing.id)}"] [part~="edit"]` : '[part~="add"]';
  element.renderRoot.querySelector<HTMLElement>(back)?.focus();
}

/* ---------------------------------------------------------------- event handlers */

function handleInput(host: ScriptFormHost, field: 'categoryId' | 'title' | 'text', e: Event): void {
  const form = host.form();
  if (form) host.setForm({ ...form, [field]: (e.target as HTMLInputElement).value });
}

/** Puts `{variable}` where the caret is in the words. */
async function handleInsertClick(host: ScriptFormHost, variable: ScriptVariable): Promise<void> {
  const { element } = host;
  const form = host.form();
  const area = element.renderRoot.querySelector<HTMLTextAreaElement>('#script-text');
  if (!form || !area) return;
  const written = `{${variable}}`;
  const start = area.selectionStart ?? area.value.length;
  const end = area.selectionEnd ?? start;
  host.setForm({ ...form, text: `${area.value.slice(0, start)}${written}${area.value.slice(end)}` });
  await element.updateComplete;
  area.focus();
  area.setSelectionRange(start + written.length, start + written.length);
}

function handleSubmit(host: ScriptFormHost, e: SubmitEvent): void {
  e.preventDefault();
  void save(host);
}

function handleKeydown(host: ScriptFormHost, e: KeyboardEvent): void {
  if (e.key !== 'Escape') return;
  e.preventDefault();
  void cancel(host);
}
