import { defineElement } from '@clienteling/core/elements.js';
import { MomentsComposer, type MomentPublishDetail, type MomentPublishedDetail } from './moments-composer.js';

defineElement('cl-moments-composer', MomentsComposer);

declare global {
  interface HTMLElementTagNameMap {
    'cl-moments-composer': MomentsComposer;
  }
  interface HTMLElementEventMap {
    'cl-moment-publish': CustomEvent<MomentPublishDetail>;
    'cl-moment-published': CustomEvent<MomentPublishedDetail>;
  }
}

export { MomentsComposer };
