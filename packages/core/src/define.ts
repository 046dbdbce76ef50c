import { ClProvider } from './provider.js';
import { defineElement } from './define-element.js';

defineElement('cl-provider', ClProvider);

declare global {
  interface HTMLElementTagNameMap {
    'cl-provider': ClProvider;
  }
}

export { ClProvider };
