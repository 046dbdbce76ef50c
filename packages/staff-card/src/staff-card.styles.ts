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
    display: block;
  }
  :host([layout='chip']) {
    display: inline-flex;
    max-width: 100%;
    vertical-align: middle;
  }
  .card,
  .header,
  .compact,
  .chip {
    --_avatar: 56px;
    display: flex;
    align-items: center;
    gap: var(--_cl-space-3);
    background: var(--cl-staff-card-background, var(--_cl-surface));
  }
  .card {
    flex-direction: column;
    align-items: stretch;
    padding: var(--cl-staff-card-padding, var(--_cl-space-4));
    border: 1px solid var(--cl-staff-card-border-color, var(--_cl-border));
    border-radius: var(--cl-staff-card-radius, var(--_cl-radius));
  }
  .compact {
    --_avatar: 40px;
    padding: var(--_cl-space-2) var(--_cl-space-3);
  }
  .chip {
    --_avatar: 24px;
    display: inline-flex;
    flex-wrap: wrap;
    gap: var(--_cl-space-1);
    max-width: 100%;
    padding: 2px 8px 2px 2px;
    border-radius: 99px;
    background: var(--cl-staff-card-chip-background, var(--_cl-surface-2));
  }
  .message {
    color: var(--_cl-text-2);
  }
  .chip.message {
    padding-inline-start: 8px;
  }

  /* ------------------------------------------------ identity */
  .avatar {
    --_size: var(--cl-staff-card-avatar-size, var(--_avatar));
    flex: none;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    width: var(--_size);
    height: var(--_size);
    border-radius: 50%;
    overflow: hidden;
    background: var(--cl-staff-card-avatar-background, var(--_cl-primary));
    color: var(--cl-staff-card-avatar-color, var(--_cl-on-primary));
    font-size: calc(var(--_size) * 0.34);
    font-weight: 600;
  }
  img {
    width: 100%;
    height: 100%;
    object-fit: cover;
  }
  .identity {
    display: grid;
    flex: 1;
    min-width: 0;
  }
  .name {
    font-size: var(--_cl-font-xl);
    font-weight: 600;
  }
  .compact .name {
    font-size: var(--_cl-font-lg);
  }
  .chip .name {
    font-size: inherit;
  }
  .company {
    margin-inline-start: 0.2em;
    color: var(--cl-staff-card-company-color, var(--_cl-company));
  }
  .badge {
    margin-inline-start: 4px;
    color: var(--cl-staff-card-verified-color, var(--_cl-verified));
    font-size: var(--_cl-font-sm);
    white-space: nowrap;
  }
  .compact .badge-text,
  .chip .badge-text {
    display: none;
  }
  svg {
    width: 1.3em;
    height: 1.3em;
    vertical-align: -0.3em;
    fill: currentColor;
  }
  .badge {
    line-height: 1;
  }
  .position,
  dt,
  figcaption {
    color: var(--_cl-text-2);
  }
  dt,
  figcaption,
  .feedback,
  .compact .position {
    font-size: var(--_cl-font-sm);
  }

  /* ------------------------------------------------ details */
  dl,
  dd,
  figure,
  p {
    margin: 0;
  }
  .row {
    display: grid;
    grid-template-columns: 5em minmax(0, 1fr);
    gap: var(--_cl-space-2);
    align-items: center;
    min-height: var(--_cl-touch);
    border-top: 1px solid var(--cl-staff-card-border-color, var(--_cl-border));
  }
  .store {
    display: block;
    padding-top: var(--_cl-space-2);
  }
  .link {
    display: inline-flex;
    align-items: center;
    min-height: var(--_cl-touch);
    padding: 0;
    border: 0;
    background: none;
    color: var(--_cl-primary);
    font: inherit;
    text-align: start;
    text-decoration: underline;
  }

  /* ------------------------------------------------ QR code and actions */
  .qr {
    display: grid;
    justify-items: center;
    gap: var(--_cl-space-2);
  }
  .qr-code {
    display: flex;
    align-items: center;
    width: var(--cl-staff-card-qr-size, 168px);
    height: var(--cl-staff-card-qr-size, 168px);
    text-align: center;
  }
  .qr-failed {
    border: 1px dashed;
  }
  .qr-problem {
    box-sizing: border-box;
    flex-direction: column;
    justify-content: center;
    gap: var(--_cl-space-2);
    padding: var(--_cl-space-2);
  }
  svg.qr-code {
    background: var(--cl-staff-card-qr-background, ${qrBackground});
    fill: var(--cl-staff-card-qr-foreground, ${qrForeground});
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_cl-space-2);
  }
  .actions > * {
    flex: 1 1 0;
    text-decoration: none;
    white-space: nowrap;
  }
  .actions > .add {
    flex-basis: 100%;
  }
  .feedback {
    color: var(--_cl-success);
  }
  .feedback:empty {
    position: absolute;
  }
  .failed {
    color: var(--_cl-danger);
  }

  /* ------------------------------------------------ loading: the same layout, text hidden */
  .skeleton {
    display: contents;
  }
  .skeleton > * {
    animation: cl-pulse 1.4s ease-in-out infinite;
  }
  .skeleton :is(.person, .company, .position, dt, .link, .store, .cl-button, .qr-code, figcaption) {
    border-color: transparent;
    border-radius: 4px;
    background: var(--_cl-skeleton);
    color: transparent;
  }
  .skeleton .link {
    background: linear-gradient(var(--_cl-skeleton), var(--_cl-skeleton)) center / 100% 1em no-repeat;
  }
  .skeleton .avatar {
    background: var(--_cl-skeleton);
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton > * {
      animation: none;
    }
  }
`;
