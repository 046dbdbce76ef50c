// Pieces of a form that opens in place, shared by the script library and the task list (styled by
// `inlineFormStyles`). In a module of its own, so that an element that does not import it pays nothing.
import { html, type TemplateResult } from 'lit';
import type { PanelLocalize } from './list-states.js';

/** What `renderCounter` shows. */
export interface CounterOptions {
  /** The counter's id, for the field's `aria-describedby`. */
  id: string;
  /** Past the limit (or otherwise wrong): the counter turns the danger colour. */
  over: boolean;
  /** What is shown, such as "12/30". */
  shown: string;
  /** What a screen reader says instead, such as "12 of 30 characters". */
  spoken: string;
}

/** A field's character counter (`part="counter"`). */
export function renderCounter({ id, over, shown, spoken }: CounterOptions): TemplateResult {
  return html`<span part="counter" class="counter ${over ? 'over' : ''}" id=${id}
    ><span aria-hidden="true">${shown}</span><span class="cl-visually-hidden">${spoken}</span></span
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
