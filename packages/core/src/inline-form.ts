// Pieces of a form that opens in place, shared by the script library, the task list, the customer's
// profile and the transfer form (styled by `inlineFormStyles` or the element's own `.counter`). In a
// module of its own, so that an element that does not import it pays nothing.
import { html, type TemplateResult } from 'lit';
import type { PanelLocalize } from './list-states.js';

/** What `renderCounter` shows. */
export interface CounterOptions {
  localize: PanelLocalize;
  /** The counter's id, for the field's `aria-describedby`. */
  id: string;
  /** The characters typed so far. */
  length: number;
  /** The field's limit. */
  max: number;
  /** Past the limit (or otherwise wrong): the counter turns the danger colour. Defaults to `length > max`. */
  over?: boolean;
  /** What a screen reader says, when not "12 of at most 30 characters" (a count of phone numbers, say). */
  spoken?: string;
}

/** A field's character counter (`part="counter"`): "12/30" shown, "12 of at most 30 characters" spoken. */
export function renderCounter({
  localize,
  id,
  length,
  max,
  over = length > max,
  spoken,
}: CounterOptions): TemplateResult {
  return html`<span part="counter" class="counter ${over ? 'over' : ''}" id=${id}
    ><span aria-hidden="true">${localize.t('common.charCount', length, max)}</span
    ><span class="cl-visually-hidden">${spoken ?? localize.t('common.charCountLabel', length, max)}</span></span
  >`;
}

/** What `renderFormButtons` shows, and what it calls back. */
export interface FormButtonsOptions {
  localize: PanelLocalize;
  /** The submit button's words (Save, or Saving… while it saves). */
  saveLabel: string;
  /** The submit button is disabled (nothing to save yet, or saving). */
  saveDisabled: boolean;
  onCancel: () => void;
}

/** The form's Cancel and submit buttons (`.form-buttons`). */
export function renderFormButtons({ localize, saveLabel, saveDisabled, onCancel }: FormButtonsOptions): TemplateResult {
  return html`<div class="form-buttons">
    <button class="cl-button" type="button" @click=${onCancel}>${localize.t('common.cancel')}</button>
    <button class="cl-button" type="submit" data-variant="primary" ?disabled=${saveDisabled}>${saveLabel}</button>
  </div>`;
}
