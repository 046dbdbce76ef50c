import { css } from 'lit';
import { emptyStyles, panelStyles } from '@clienteling/core/elements.js';

const ownStyles = css`
  :host {
    --_bg: var(--cl-staff-results-background, var(--_cl-surface));
    --_figure-bg: var(--cl-staff-results-figure-background, var(--_cl-surface-2));
    --_chart: var(--cl-staff-results-chart-color, var(--_cl-primary));
    --_up: var(--cl-staff-results-up-color, var(--_cl-success));
    --_down: var(--cl-staff-results-down-color, var(--_cl-danger));
    --_columns: var(--cl-staff-results-columns, 2);
  }
  ol,
  fieldset {
    margin: 0;
  }
  ol {
    padding: 0;
    list-style: none;
  }
  .muted {
    color: var(--_cl-text-2);
  }

  /* The period switcher: a segmented row of radio buttons */
  .periods {
    display: flex;
    gap: 2px;
    padding: 2px;
    border: 0;
    border-radius: var(--_cl-radius);
    background: var(--_cl-surface-2);
  }
  .period {
    position: relative;
    flex: 1;
    display: flex;
  }
  .period input {
    position: absolute;
    opacity: 0;
    inset: 0;
    margin: 0;
    cursor: pointer;
  }
  .period span {
    flex: 1;
    display: flex;
    align-items: center;
    justify-content: center;
    min-height: var(--_cl-touch);
    padding: 0 var(--_cl-space-1);
    border-radius: var(--_cl-radius-sm);
    color: var(--_cl-text-2);
    text-align: center;
    white-space: nowrap;
  }
  .period input:checked + span {
    background: var(--_bg);
    color: var(--_cl-text);
    font-weight: 600;
    box-shadow: 0 1px 3px rgb(0 0 0 / 16%);
  }
  .period input:focus-visible + span {
    outline: 2px solid var(--_cl-focus);
    outline-offset: 1px;
  }
  .period:active span {
    opacity: 0.8;
  }
  .range {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: var(--_cl-space-2);
    margin-top: var(--_cl-space-2);
  }
  .range label {
    display: flex;
    flex-direction: column;
    gap: 2px;
    color: var(--_cl-text-2);
    font-size: var(--_cl-font-sm);
  }
  .range input {
    min-height: var(--_cl-touch);
    padding: 0 var(--_cl-space-2);
    border: 1px solid var(--_cl-border);
    border-radius: var(--_cl-radius-sm);
    background: var(--_cl-surface);
    color: var(--_cl-text);
    font: inherit;
    font-size: var(--_cl-font-md);
  }
  .range input[aria-invalid='true'] {
    border-color: var(--_cl-danger);
  }
  .problem {
    margin-top: var(--_cl-space-2);
    color: var(--_cl-danger);
  }

  /* Caption */
  .caption {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: var(--_cl-space-1) var(--_cl-space-2);
    margin: var(--_cl-space-3) 0 var(--_cl-space-2);
    font-size: var(--_cl-font-lg);
  }
  .caption small,
  .ranking-title small {
    color: var(--_cl-text-2);
    font-size: var(--_cl-font-sm);
    font-weight: 400;
  }

  /* Figures */
  .figures {
    display: grid;
    grid-template-columns: repeat(var(--_columns), minmax(0, 1fr));
    gap: var(--_cl-space-2);
  }
  [part~='skeleton'] .figures {
    margin-top: var(--_cl-space-3);
  }
  .figure {
    display: flex;
    flex-direction: column;
    gap: 2px;
    min-width: 0;
    padding: var(--_cl-space-3);
    border-radius: var(--_cl-radius);
    background: var(--_figure-bg);
  }
  .figure.wide {
    grid-column: 1 / -1;
  }
  .figure-label {
    color: var(--_cl-text-2);
    font-size: var(--_cl-font-sm);
  }
  .value {
    font-size: 22px;
    font-weight: 700;
    line-height: 1.25;
    font-variant-numeric: tabular-nums;
  }
  .comparison {
    color: var(--_cl-text-2);
    font-size: var(--_cl-font-sm);
    font-weight: 600;
  }
  .comparison[data-direction='up'] {
    color: var(--_up);
  }
  .comparison[data-direction='down'] {
    color: var(--_down);
  }
  .detail {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_cl-space-3);
    color: var(--_cl-text-2);
    font-size: var(--_cl-font-sm);
  }
  .channels {
    flex-direction: column;
    margin-top: var(--_cl-space-1);
  }
  .channels li {
    display: flex;
    justify-content: space-between;
    gap: var(--_cl-space-2);
  }
  .channel-count {
    color: var(--_cl-text);
    font-variant-numeric: tabular-nums;
  }
  .chart {
    display: block;
    width: 100%;
    height: 32px;
    margin-top: var(--_cl-space-2);
    overflow: visible;
  }
  .bar {
    fill: var(--_chart);
  }
  .bar.zero {
    fill: var(--_cl-border);
  }
  .line {
    fill: none;
    stroke: var(--_chart);
    stroke-width: 1.5;
    vector-effect: non-scaling-stroke;
  }
  .skeleton-line,
  .figure .line {
    height: 12px;
    width: 80%;
  }
  .figure .line.short {
    width: 45%;
  }
  .figure .line.big {
    height: 24px;
    width: 60%;
  }

  /* The store's ranking */
  .ranking-section {
    margin-top: var(--_cl-space-4);
  }
  .ranking-title {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: var(--_cl-space-2);
    margin-bottom: var(--_cl-space-2);
    font-size: var(--_cl-font-lg);
  }
  .ranking {
    display: flex;
    flex-direction: column;
  }
  .rank {
    display: flex;
    align-items: center;
    gap: var(--_cl-space-3);
    min-height: var(--_cl-touch);
    padding: var(--_cl-space-2) 0;
    border-bottom: 1px solid var(--_cl-border);
  }
  .rank-number {
    flex: none;
    width: 24px;
    height: 24px;
    border-radius: 50%;
    background: var(--_cl-surface-2);
    font-size: var(--_cl-font-sm);
    font-weight: 700;
    line-height: 24px;
    text-align: center;
  }
  .rank:first-child .rank-number {
    background: var(--_chart);
    color: var(--_cl-on-primary);
  }
  .rank-main {
    flex: 1;
    display: flex;
    flex-direction: column;
    min-width: 0;
  }
  .rank-name {
    font-weight: 600;
  }
  .rank-detail {
    color: var(--_cl-text-2);
    font-size: var(--_cl-font-sm);
  }
  .rank-bar {
    display: block;
    height: 4px;
    margin-top: 4px;
    border-radius: 2px;
    background: var(--_cl-surface-2);
  }
  .rank-bar span {
    display: block;
    height: 100%;
    border-radius: 2px;
    background: var(--_chart);
  }
  .rank-sales {
    flex: none;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }
`;

/** The element's styles after core's panel frame (the block, margins, the note and the error) and empty state. */
export const styles = [panelStyles, emptyStyles, ownStyles];
