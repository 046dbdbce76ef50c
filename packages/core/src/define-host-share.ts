import { HostShare, type HostShareDetail } from './host-share.js';
import { defineElement } from './define-element.js';

defineElement('cl-host-share', HostShare);

declare global {
  interface HTMLElementTagNameMap {
    'cl-host-share': HostShare;
  }
  interface HTMLElementEventMap {
    'cl-host-share': CustomEvent<HostShareDetail>;
  }
}

export { HostShare, type HostShareDetail };
