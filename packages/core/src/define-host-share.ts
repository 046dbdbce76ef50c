import { HostShare } from './host-share.js';
import { defineElement } from './define-element.js';

defineElement('cl-host-share', HostShare);

declare global {
  interface HTMLElementTagNameMap {
    'cl-host-share': HostShare;
  }
  interface HTMLElementEventMap {
    'cl-host-share': CustomEvent<{
      message?: import('./host.js').ChatMessage;
      moment?: import('./host.js').HostMomentShare;
    }>;
  }
}

export { HostShare };
