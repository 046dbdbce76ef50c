// The in-place editors of <cl-customer-profile>: what a field shows from its Edit button until Save or
// Cancel (a text input, or the phones with add and remove; the counter, the problem, Enter and Escape).
// Loaded on demand (`OnDemand`), so the profile's first load carries only what it shows read-only.
// The open field, what is typed, the optimistic save and its failure stay in the element: nothing
// typed is lost while this code loads, nor when a save fails.
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { LIMITS } from '@clienteling/core/trade.js';
import { renderCounter, type CoreMessages, type LocalizeController } from '@clienteling/core/elements.js';
import type { FieldValue, ProfileField } from './customer-profile.js';
import type { CustomerProfileStrings } from './customer-profile.messages.js';

/** The text fields and their limits (the phones have theirs: a count and a length each). */
const TEXT_LIMITS = {
  remark: LIMITS.remarkMaxLength,
  description: LIMITS.descriptionMaxLength,
  remarkCompany: LIMITS.remarkCompanyMaxLength,
} as const;
type TextField = keyof typeof TEXT_LIMITS;

/** The longest remark phone number the contract takes. */
const PHONE_MAX_LENGTH = 32;

/** The phones to save: trimmed, without empty entries. */
const cleanPhones = (phones: readonly string[]) => phones.map((phone) => phone.trim()).filter(Boolean);

/** What an editor reads from its profile, and the profile's handlers it calls. */
export interface ProfileEditorContext {
  localize: LocalizeController<CoreMessages & CustomerProfileStrings>;
  /** The profile's shadow root, where focus moves between the phone inputs. */
  root: ParentNode;
  /** What is typed in the open text editor, as the profile keeps it. */
  draftText(): string;
  setDraftText(text: string): void;
  /** The phones in the open phone editor, as the profile keeps them. */
  draftPhones(): readonly string[];
  /** Keeps the phones; settles once the editor shows them. */
  setDraftPhones(phones: string[]): Promise<unknown>;
  /** Closes the editor without saving; focus returns to the field's Edit button. */
  cancel(): void;
  /** Saves the field's value (trimmed; phones without empty entries) and closes the editor. */
  save(value: FieldValue): void;
}

/** The inline editor of a field: input(s), counter, the problem if any, Cancel, Save; Enter saves, Escape cancels. */
export function renderProfileEditor(field: ProfileField, context: ProfileEditorContext): TemplateResult {
  const { localize } = context;
  const problem = draftProblem(field, context);
  const save = () => handleSave(field, context);
  return html`<div part="editor" class="editor" @keydown=${(e: KeyboardEvent) => handleKeydown(e, save, context)}>
    ${field === 'remarkPhones' ? renderPhonesInput(problem, context) : renderTextInput(field, problem, context)}
    ${problem ? html`<p class="problem" id="problem-${field}">${problem}</p>` : nothing}
    <p class="cl-visually-hidden" id="keys-${field}">${localize.t('customerProfile.keys')}</p>
    <div class="buttons">
      <button class="cl-button" type="button" @click=${context.cancel}>${localize.t('common.cancel')}</button>
      <button class="cl-button" type="button" data-variant="primary" data-save ?disabled=${!!problem} @click=${save}
        >${localize.t('customerProfile.save')}</button
      >
    </div>
  </div>`;
}

/** What is wrong with the open editor's value, or undefined when it may be saved. */
function draftProblem(field: ProfileField, { localize, draftText, draftPhones }: ProfileEditorContext) {
  if (field !== 'remarkPhones') {
    const max = TEXT_LIMITS[field];
    return draftText().length > max ? localize.t('common.tooLong', max) : undefined;
  }
  const tooLong = draftPhones().some((phone) => phone.trim().length > PHONE_MAX_LENGTH);
  return tooLong ? localize.t('common.tooLong', PHONE_MAX_LENGTH) : undefined;
}

function describedBy(field: ProfileField, problem: string | undefined): string {
  return [`count-${field}`, problem ? `problem-${field}` : '', `keys-${field}`].filter(Boolean).join(' ');
}

function renderTextInput(field: TextField, problem: string | undefined, context: ProfileEditorContext) {
  const draftText = context.draftText();
  const described = describedBy(field, problem);
  const invalid = problem ? 'true' : 'false';
  const handleInput = (e: Event) => context.setDraftText((e.target as HTMLInputElement | HTMLTextAreaElement).value);
  const input =
    field === 'description'
      ? html`<textarea
          data-input=${field}
          rows="3"
          aria-labelledby="label-${field}"
          aria-describedby=${described}
          aria-invalid=${invalid}
          .value=${live(draftText)}
          @input=${handleInput}
        ></textarea>`
      : html`<input
          data-input=${field}
          type="text"
          enterkeyhint="done"
          autocomplete="off"
          aria-labelledby="label-${field}"
          aria-describedby=${described}
          aria-invalid=${invalid}
          .value=${live(draftText)}
          @input=${handleInput}
        />`;
  const counter = renderCounter({
    localize: context.localize,
    id: `count-${field}`,
    length: draftText.length,
    max: TEXT_LIMITS[field],
    over: !!problem,
  });
  return html`${input}${counter}`;
}

function renderPhonesInput(problem: string | undefined, context: ProfileEditorContext) {
  const { localize } = context;
  const phones = context.draftPhones();
  const max = LIMITS.remarkPhonesMax;
  const count = cleanPhones(phones).length;
  const rows = phones.map(
    (phone, index) =>
      html`<div class="phone">
        <input
          data-phone
          data-input=${index === 0 ? 'remarkPhones' : nothing}
          type="tel"
          inputmode="tel"
          enterkeyhint="done"
          autocomplete="off"
          aria-label=${localize.t('customerProfile.phone', index + 1)}
          aria-describedby=${describedBy('remarkPhones', problem)}
          aria-invalid=${phone.trim().length > PHONE_MAX_LENGTH ? 'true' : 'false'}
          .value=${live(phone)}
          @input=${(e: Event) => handlePhoneInput(index, e, context)}
        />
        <button
          class="cl-button"
          type="button"
          aria-label=${localize.t('customerProfile.removePhone', index + 1)}
          @click=${() => handleRemovePhoneClick(index, context)}
        >
          ×
        </button>
      </div>`,
  );
  const counter = renderCounter({
    localize,
    id: 'count-remarkPhones',
    length: count,
    max,
    over: false,
    spoken: localize.t('customerProfile.phoneCount', count, max),
  });
  return html`<div class="phones" role="group" aria-labelledby="label-remarkPhones">${rows}</div>
    <div class="phones-footer">
      <button
        class="cl-button"
        type="button"
        data-add-phone
        ?disabled=${phones.length >= max}
        @click=${() => handleAddPhoneClick(context)}
      >
        + ${localize.t('customerProfile.addPhone')}</button
      >${counter}
    </div>`;
}

/** Saves a value that may be saved: the text trimmed, the phones without empty entries. */
function handleSave(field: ProfileField, context: ProfileEditorContext): void {
  if (draftProblem(field, context)) return;
  context.save(field === 'remarkPhones' ? cleanPhones(context.draftPhones()) : context.draftText().trim());
}

/** Enter saves (not while an input method composes, nor with Shift in the description), Escape cancels. */
function handleKeydown(e: KeyboardEvent, save: () => void, context: ProfileEditorContext): void {
  if (e.key === 'Escape') {
    e.preventDefault();
    context.cancel();
    return;
  }
  if (e.key !== 'Enter' || e.isComposing || e.shiftKey) return;
  if ((e.target as HTMLElement).localName === 'button') return;
  e.preventDefault();
  save();
}

function handlePhoneInput(index: number, e: Event, context: ProfileEditorContext): void {
  const phones = [...context.draftPhones()];
  phones[index] = (e.target as HTMLInputElement).value;
  void context.setDraftPhones(phones);
}

async function handleAddPhoneClick(context: ProfileEditorContext): Promise<void> {
  await context.setDraftPhones([...context.draftPhones(), '']);
  const inputs = context.root.querySelectorAll<HTMLInputElement>('[data-phone]');
  inputs[inputs.length - 1]?.focus();
}

async function handleRemovePhoneClick(index: number, context: ProfileEditorContext): Promise<void> {
  await context.setDraftPhones(context.draftPhones().filter((_, i) => i !== index));
  const inputs = context.root.querySelectorAll<HTMLInputElement>('[data-phone]');
  (inputs[Math.min(index, inputs.length - 1)] ?? context.root.querySelector<HTMLElement>('[data-add-phone]'))?.focus();
}
