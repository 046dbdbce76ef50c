import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, html as litHtml } from 'lit';
import { FeedbackController, baseStyles, defineElement } from '@clienteling/core/elements.js';

/** A minimal element that shows feedback when told. */
class FeedbackProbe extends LitElement {
  static override styles = baseStyles;
  readonly feedback = new FeedbackController(this);
  protected override render() {
    return litHtml`<p>Content</p>${this.feedback.render()}`;
  }
}
defineElement('cl-test-feedback-probe', FeedbackProbe);

const statusOf = (el: FeedbackProbe) => el.shadowRoot!.querySelector<HTMLElement>('[role="status"]')!;

describe('FeedbackController', () => {
  it('keeps an empty live region in the element before any message', async () => {
    const el = await fixture<FeedbackProbe>(html`<cl-test-feedback-probe></cl-test-feedback-probe>`);
    const status = statusOf(el);
    expect(status.getAttribute('aria-live')).to.equal('polite');
    expect(status.textContent!.trim()).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('shows a visible message in the live region and hides it after its duration', async () => {
    const el = await fixture<FeedbackProbe>(html`<cl-test-feedback-probe></cl-test-feedback-probe>`);
    el.feedback.show('Tag added', { duration: 50 });
    await el.updateComplete;
    const message = statusOf(el).querySelector<HTMLElement>('.cl-feedback-message')!;
    expect(message.textContent).to.equal('Tag added');
    const box = message.getBoundingClientRect();
    expect(box.width).to.be.greaterThan(0);
    expect(box.height).to.be.greaterThan(0);
    await expect(el).to.be.accessible();
    await new Promise((resolve) => setTimeout(resolve, 80));
    await el.updateComplete;
    expect(el.feedback.message).to.equal('');
    expect(statusOf(el).textContent!.trim()).to.equal('');
  });

  it('inserts a new node when the same message is shown again, so it is announced again', async () => {
    const el = await fixture<FeedbackProbe>(html`<cl-test-feedback-probe></cl-test-feedback-probe>`);
    el.feedback.show('Saved');
    await el.updateComplete;
    const first = statusOf(el).querySelector('.cl-feedback-message');
    el.feedback.show('Saved');
    await el.updateComplete;
    const second = statusOf(el).querySelector('.cl-feedback-message');
    expect(second).to.not.equal(first);
    expect(second!.textContent).to.equal('Saved');
  });

  it('marks an error tone, readable in both themes', async () => {
    const el = await fixture<FeedbackProbe>(html`<cl-test-feedback-probe></cl-test-feedback-probe>`);
    el.feedback.show('Could not remove', { tone: 'error' });
    await el.updateComplete;
    const message = statusOf(el).querySelector<HTMLElement>('.cl-feedback-message')!;
    expect(message.dataset.tone).to.equal('error');
    await expect(el).to.be.accessible();
  });
});
