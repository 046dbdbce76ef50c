// What every element shares: registration safe to run twice, the provider and its context,
// localization, design tokens and the base element class.
export * from './define-element.js';
export * from './events.js';
export * from './tokens.js';
export { sheetStyles } from './sheet-styles.js';
export { panelStyles } from './panel-styles.js';
export { tabStyles } from './tab-styles.js';
export { listStyles } from './list-styles.js';
export { emptyStyles } from './empty-styles.js';
export { inlineFormStyles } from './inline-form-styles.js';
export * from './list-states.js';
export * from './inline-form.js';
export { OnDemand } from './on-demand.js';
export * from './localize.js';
export * from './feedback.js';
export { coreMessages, type CoreMessages } from './messages.js';
export * from './context.js';
export { ClientelingElement, DEFAULT_ADAPTER_TIMEOUT, parseLater, withTimeout } from './element.js';
export { safeImageUrl } from './image-url.js';
export { copyText } from './clipboard.js';
export { tabKeyTarget } from './tab-keys.js';
export { ClProvider } from './provider.js';
