// Public exports of @clienteling/staff-results, free of side effects: import './define.js' to
// register `<cl-staff-results>`.
export {
  RESULTS_REFRESH_EVENTS,
  StaffResults,
  type FigureName,
  type ResultsPeriodChangeDetail,
  type ResultsView,
} from './staff-results.js';
export { staffResultsMessages, type StaffResultsMessages } from './staff-results.messages.js';
export {
  RESULTS_PERIODS,
  compareAmounts,
  compareRates,
  formatCount,
  formatMoney,
  formatRate,
  periodRange,
  rangeProblem,
  type Comparison,
  type DayRange,
  type RangeProblem,
  type ResultsPeriod,
} from './results-format.js';
