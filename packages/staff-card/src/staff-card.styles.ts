import { css, unsafeCSS } from 'lit';
import { lightTokens } from '@clienteling/core/elements.js';

/*
 * The QR code keeps dark modules on a light plate in both themes (scanners read inverted codes
 * badly): its defaults are the light theme's own tokens, themable through the element's tokens.
 */
const qrForeground = unsafeCSS(lightTokens['color-text']);
const qrBackground = unsafeCSS(lightTokens['color-surface']);

export const styles = css`
  :host {
    --_bg: var(--cl-staff-card-background, var(--_cl-surface));
    --_border: var(--cl-staff-card-border-color, var(--_cl-border));
    --_radius: var(--cl-staff-card-radius, var(--_cl-radius));
    --_pad: var(--cl-staff-card-padding, var(--_cl-space-4));
    --_company: var(--cl-staff-card-company-color, var(--_cl-company));
    --_verified: var(--cl-staff-card-verified-color, var(--_cl-verified));
    --_avatar-bg: var(--cl-staff-card-avatar-background, var(--_cl-primary));
    --_avatar-fg: var(--cl-staff-card-avatar-color, var(--_cl-on-primary));
    --_avatar: var(--cl-staff-card-avatar-size, 56px);
    --_qr: var(--cl-staff-card-qr-size, 168px);
    --_qr-fg: var(--cl-staff-card-qr-foreground, ${qrForeground});
    --_qr-bg: var(--cl-staff-card-qr-background, ${qrBackground});
    display: block;
  }
  :host([layout='compact']) {
    --_avatar: var(--cl-staff-card-avatar-size, 40px);
  }
  :host([layout='chip']) {
    --_avatar: var(--cl-staff-card-avatar-size, 24px);
    display: inline-block;
    max-width: 100%;
    vertical-align: middle;
  }

  /* ------------------------------------------------ shared pieces */
  .avatar {
    flex: none;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    width: var(--_avatar);
    height: var(--_avatar);
    border-radius: 50%;
    overflow: hidden;
    background: var(--_avatar-bg);
    color: var(--_avatar-fg);
    font-size: calc(var(--_avatar) * 0.34);
    font-weight: 600;
    line-height: 1;
    white-space: nowrap;
    user-select: none;
  }
  .avatar img {
    display: block;
    width: 100%;
    height: 100%;
    object-fit: cover;
  }
  .identity {
    flex: 1;
    min-width: 0;
  }
  .name {
    display: block;
    font-size: var(--_cl-font-xl);
    font-weight: 600;
    line-height: 1.4;
  }
  .company {
    margin-inline-start: 0.2em;
    color: var(--_company);
  }
  .badge {
    display: inline-flex;
    align-items: center;
    gap: 2px;
    margin-inline-start: var(--_cl-space-1);
    color: var(--_verified);
    font-size: var(--_cl-font-sm);
    font-weight: 500;
    line-height: 1.5;
    white-space: nowrap;
    vertical-align: 0.1em;
  }
  .badge svg {
    flex: none;
    width: 1.3em;
    height: 1.3em;
    fill: currentColor;
  }
  .position,
  .meta {
    display: block;
    color: var(--_cl-text-2);
  }
  .bar {
    display: inline-block;
    height: 1em;
    vertical-align: middle;
  }
  .w3 { width: 3em; }
  .w5 { width: 5em; }
  .w6 { width: 6em; }
  .w8 { width: 8em; }
  .w10 { width: 10em; }
  .w12 { width: min(12em, 100%); }
  .link,
  .link-button {
    display: inline-flex;
    align-items: center;
    min-height: var(--_cl-touch);
    max-width: 100%;
    color: var(--_cl-primary);
    text-decoration: underline;
    text-underline-offset: 0.2em;
  }
  .link-button {
    padding: 0;
    border: 0;
    background: none;
    font: inherit;
    text-align: start;
    cursor: pointer;
    touch-action: manipulation;
  }

  /* ------------------------------------------------ card */
  .card {
    display: flex;
    flex-direction: column;
    gap: var(--_cl-space-3);
    padding: var(--_pad);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
  }
  .header {
    display: flex;
    align-items: center;
    gap: var(--_cl-space-3);
  }
  .details {
    display: flex;
    flex-direction: column;
    margin: 0;
  }
  .row {
    display: grid;
    grid-template-columns: 5em minmax(0, 1fr);
    gap: var(--_cl-space-2);
    align-items: center;
    min-height: var(--_cl-touch);
    border-top: 1px solid var(--_border);
  }
  dt,
  .dt {
    color: var(--_cl-text-2);
    font-size: var(--_cl-font-sm);
  }
  dd,
  .dd {
    margin: 0;
    min-width: 0;
  }
  .store {
    display: block;
    padding-top: var(--_cl-space-2);
  }
  .address {
    display: flex;
  }
  .qr {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: var(--_cl-space-2);
    margin: 0;
  }
  .qr-code {
    display: block;
    width: var(--_qr);
    height: var(--_qr);
    border-radius: var(--_cl-radius-sm);
  }
  .qr-bg {
    fill: var(--_qr-bg);
  }
  .qr-fg {
    fill: var(--_qr-fg);
  }
  .qr-unavailable {
    display: flex;
    align-items: center;
    justify-content: center;
    padding: var(--_cl-space-3);
    border: 1px dashed var(--_border);
    color: var(--_cl-text-2);
    font-size: var(--_cl-font-sm);
    text-align: center;
  }
  figcaption,
  .figcaption {
    color: var(--_cl-text-2);
    font-size: var(--_cl-font-sm);
    text-align: center;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_cl-space-2);
  }
  .actions > .cl-button {
    flex: 1 1 0;
    text-decoration: none;
    white-space: nowrap;
  }
  .actions > .add {
    flex-basis: 100%;
  }
  .actions svg {
    width: 1.1em;
    height: 1.1em;
    fill: currentColor;
  }
  .cl-button.cl-skeleton {
    border-color: transparent;
    background: var(--_cl-skeleton);
  }
  .feedback {
    margin: 0;
    font-size: var(--_cl-font-sm);
  }
  .feedback:empty {
    display: contents;
  }
  .feedback[data-state='copied'] {
    color: var(--_cl-success);
  }
  .feedback[data-state='failed'] {
    color: var(--_cl-danger);
  }

  /* ------------------------------------------------ compact */
  .compact {
    display: flex;
    align-items: center;
    gap: var(--_cl-space-3);
    min-height: calc(var(--_avatar) + 2 * var(--_cl-space-2));
    padding: var(--_cl-space-2) var(--_cl-space-3);
    background: var(--_bg);
  }
  .compact .name {
    font-size: var(--_cl-font-lg);
  }
  .compact .meta {
    font-size: var(--_cl-font-sm);
  }
  .compact .badge-text,
  .chip .badge-text {
    display: none;
  }

  /* ------------------------------------------------ chip */
  .chip {
    display: inline-flex;
    align-items: center;
    gap: var(--_cl-space-1);
    max-width: 100%;
    padding: 2px var(--_cl-space-2) 2px 2px;
    border-radius: calc(var(--_avatar) / 2 + 2px);
    background: var(--cl-staff-card-chip-background, var(--_cl-surface-2));
    vertical-align: middle;
  }
  .chip .name {
    min-width: 0;
    font-size: var(--_cl-font-md);
    font-weight: 500;
    line-height: var(--_avatar);
  }
  .chip .badge {
    margin-inline-start: 2px;
  }

  /* ------------------------------------------------ messages */
  .message {
    align-items: flex-start;
    color: var(--_cl-text-2);
  }
  .compact.message,
  .chip.message {
    flex-wrap: wrap;
  }
  .chip.message {
    padding: 2px var(--_cl-space-2);
    font-size: var(--_cl-font-sm);
  }
`;
