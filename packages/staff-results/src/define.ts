import { defineElement } from '@clienteling/core/elements.js';
import { StaffResults, type ResultsPeriodChangeDetail } from './staff-results.js';

defineElement('cl-staff-results', StaffResults);

export { StaffResults };
export type { FigureName, ResultsPeriodChangeDetail, ResultsView } from './staff-results.js';

declare global {
  interface HTMLElementTagNameMap {
    'cl-staff-results': StaffResults;
  }
  interface HTMLElementEventMap {
    'cl-results-period-change': CustomEvent<ResultsPeriodChangeDetail>;
  }
}
