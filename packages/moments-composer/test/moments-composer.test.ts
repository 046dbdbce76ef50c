import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import {
  AdapterError,
  DEFAULT_POLICY,
  type Moment,
  type MomentDraft,
  type Policy,
  type UploadMediaInput,
} from '@clienteling/core';
import '../src/define.js';
import type { MomentsComposer } from '../src/moments-composer.js';
import { MediaDraft } from '@clienteling/core/drafts.js';
import { draftStore, type ComposerDraft } from '../src/draft-store.js';
import { deferred, fixtures, stubAdapter, type StubAdapter } from '../../../test/helpers/stub-adapter.js';
import { whileNeverIdle } from '../../../test/helpers/never-idle.js';
import { FRAME_PAGE_TIMEOUT, framePage, type FramePage } from '../../core/test/frame-page.js';

/** Whether `<cl-tag-picker>` was defined by loading the composer: its code should load only for "by tags". */
const pickerDefinedWithComposer = customElements.get('cl-tag-picker') !== undefined;

/* ------------------------------------------------------------------ helpers */

const quota = (remaining = 1) => ({ limit: 1, used: 1 - remaining, remaining, resetsAt: '2026-11-02T16:00:00.000Z' });
const groups = [
  fixtures.tagGroup({
    id: 'g1',
    name: '偏好',
    tags: [
      fixtures.tag({ id: 't1', groupId: 'g1', name: '运动' }),
      fixtures.tag({ id: 't2', groupId: 'g1', name: '美妆' }),
    ],
  }),
];
let uploaded = 0;

type Impl = Parameters<typeof stubAdapter>[0];
const adapter = (over: Impl = {}, policy: Partial<Policy> = {}, caps = {}) =>
  stubAdapter(
    {
      getCurrentStaff: async () => fixtures.staff(),
      getMomentQuota: async () => quota(),
      getPolicy: async () => ({ ...DEFAULT_POLICY, ...policy }),
      listTagGroups: async () => groups,
      estimateReach: async ({ audience }) => ({ count: audience.type === 'all' ? 1200 : 80 }),
      uploadMedia: async ({ file, onProgress }: UploadMediaInput) => {
        onProgress?.(0.5);
        return { url: `https://cdn.example.com/${++uploaded}`, size: file.size };
      },
      publishMoment: async ({ requestId, draft }) => published(requestId, draft),
      ...over,
    },
    caps,
  );

const published = (requestId: string, draft: MomentDraft, over: Partial<Moment> = {}): Moment =>
  fixtures.moment({
    requestId,
    text: draft.text,
    attachments: draft.attachments,
    audience: draft.audience,
    state: 'published',
    ...over,
  });

let keyCount = 0;
const newKey = () => `test:${Date.now()}:${++keyCount}`;

/** Mounts a composer in English (or zh-CN) and waits until its data is loaded. */
async function mount(a: StubAdapter | undefined, key = newKey(), lang = 'en') {
  const wrap = await fixture<HTMLDivElement>(
    html`<div lang=${lang}
      ><cl-moments-composer .adapter=${a} draft-key=${key} poll-interval="5"></cl-moments-composer
    ></div>`,
  );
  const el = wrap.querySelector('cl-moments-composer')!;
  if (a) await waitUntil(() => q(el, 'textarea') || q(el, '[role=alert]'), 'composer did not load');
  return el;
}

/** Opens a page of its own (an iframe) with the composer defined, that reloads like a tab. */
const composerPage = () => framePage(new URL('../src/define.ts', import.meta.url).pathname);

/** Mounts a composer in `page` (its own window, IndexedDB connection and `pagehide`) and waits for its form. */
async function mountInPage(page: FramePage<unknown>, a: StubAdapter, key: string) {
  const el = page.document.createElement('cl-moments-composer') as MomentsComposer;
  el.setAttribute('draft-key', key);
  el.adapter = a;
  page.document.body.append(el);
  await waitUntil(() => q(el, 'textarea'), 'composer did not load', { timeout: FRAME_PAGE_TIMEOUT });
  return el;
}

const q = <E extends Element = HTMLElement>(el: MomentsComposer, sel: string) =>
  el.shadowRoot!.querySelector<E & HTMLElement>(sel);
const qa = (el: MomentsComposer, sel: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(sel)];
const text = (el: MomentsComposer) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
const publishButton = (el: MomentsComposer) => q<HTMLButtonElement>(el, '[part=publish-button]')!;
const why = (el: MomentsComposer) => q(el, '#why')!.textContent!.trim();
const button = (el: MomentsComposer, label: string) =>
  qa(el, 'button').find((b) => b.textContent!.trim() === label) as HTMLButtonElement;

async function type(el: MomentsComposer, value: string) {
  const area = q<HTMLTextAreaElement>(el, 'textarea')!;
  area.value = value;
  area.dispatchEvent(new Event('input'));
  await el.updateComplete;
}

async function png(w = 20, h = 20, name = `photo-${w}x${h}.png`) {
  const canvas = document.createElement('canvas');
  canvas.width = w;
  canvas.height = h;
  canvas.getContext('2d')!.fillRect(0, 0, w, h);
  const blob = await new Promise<Blob>((r) => canvas.toBlob((b) => r(b!), 'image/png'));
  return new File([blob], name, { type: 'image/png' });
}

/** A silent WAV of `seconds`: a `<video>` element reads its duration like a clip's. */
function clip(seconds: number, name = 'clip.mp4') {
  const rate = 8000;
  const n = Math.round(rate * seconds);
  const buf = new DataView(new ArrayBuffer(44 + n));
  const str = (o: number, s: string) => [...s].forEach((c, i) => buf.setUint8(o + i, c.charCodeAt(0)));
  str(0, 'RIFF');
  buf.setUint32(4, 36 + n, true);
  str(8, 'WAVEfmt ');
  buf.setUint32(16, 16, true);
  buf.setUint16(20, 1, true);
  buf.setUint16(22, 1, true);
  buf.setUint32(24, rate, true);
  buf.setUint32(28, rate, true);
  buf.setUint16(32, 1, true);
  buf.setUint16(34, 8, true);
  str(36, 'data');
  buf.setUint32(40, n, true);
  for (let i = 44; i < 44 + n; i++) buf.setUint8(i, 128);
  return new File([buf.buffer], name, { type: 'video/mp4' });
}

const transfer = (files: File[]) => {
  const dt = new DataTransfer();
  for (const f of files) dt.items.add(f);
  return dt;
};

/** Adds files through the file picker of the current kind (choosing `kind` first when given). */
async function pick(el: MomentsComposer, files: File[], kind = 'Images') {
  const input = q<HTMLInputElement>(el, '#file')!;
  if (button(el, kind)?.getAttribute('aria-pressed') !== 'true') {
    button(el, kind).click();
    await el.updateComplete;
  }
  input.files = transfer(files).files;
  input.dispatchEvent(new Event('change'));
}

const paste = (el: MomentsComposer, files: File[]) =>
  q(el, 'textarea')!.dispatchEvent(
    new ClipboardEvent('paste', { clipboardData: transfer(files), bubbles: true, composed: true, cancelable: true }),
  );

/** Waits until the element's animations (the feedback's fade-in) are over, so that axe sees final colours. */
const animationsDone = (el: MomentsComposer) =>
  Promise.all(el.shadowRoot!.getAnimations().map((animation) => animation.finished));
/** The saved draft with its attachments (kept in a record of their own). */
const draftIn = (key: string) => new MediaDraft<ComposerDraft>(draftStore(), key).get();
const media = (el: MomentsComposer) => (el as unknown as { draft: ComposerDraft }).draft.media;
const uploadsDone = (el: MomentsComposer, n: number) =>
  waitUntil(
    () => media(el).length === n && media(el).every((m) => m.status === 'done'),
    `expected ${n} uploaded files`,
  );

/* ------------------------------------------------------------------ tests */

// Choosing images or video opens the file chooser: in a test it must stay closed.
const keepFileChoosersClosed = (e: Event) => {
  if ((e.composedPath()[0] as HTMLInputElement).type === 'file') e.preventDefault();
};
before(() => document.addEventListener('click', keepFileChoosersClosed, true));
after(() => document.removeEventListener('click', keepFileChoosersClosed, true));

describe('cl-moments-composer', () => {
  describe('loading', () => {
    it('shows an accessible skeleton, then the composer with today’s quota', async () => {
      const staff = deferred<ReturnType<typeof fixtures.staff>>();
      const a = adapter({ getCurrentStaff: () => staff.promise });
      const wrap = await fixture(
        html`<div lang="en"><cl-moments-composer .adapter=${a} draft-key=${newKey()}></cl-moments-composer></div>`,
      );
      const el = wrap.querySelector('cl-moments-composer')!;
      await el.updateComplete; // its first render waits for its English strings
      expect(qa(el, '.cl-skeleton').length).to.be.greaterThan(3);
      expect(q(el, '[aria-busy=true]')).not.to.equal(null);
      await expect(el).to.be.accessible();
      staff.resolve(fixtures.staff());
      await waitUntil(() => q(el, 'textarea'));
      expect(q(el, '[part=quota]')!.textContent).to.match(/1 post left today · resets Nov 3, 2026/);
      expect(text(el)).to.include('王丽').and.include('@百联');
      await expect(el).to.be.accessible();
    });

    it('shows an error with a retry when loading fails, and loads on retry', async () => {
      let fail = true;
      const a = adapter({
        getMomentQuota: async () => {
          if (fail) throw new AdapterError('unavailable', 'offline');
          return quota();
        },
      });
      const el = await mount(a);
      expect(q(el, '[role=alert]')!.textContent).to.include('The service is unavailable');
      await expect(el).to.be.accessible();
      fail = false;
      button(el, 'Retry').click();
      await waitUntil(() => q(el, 'textarea'));
    });

    it('says so when no adapter is given', async () => {
      const el = await mount(undefined);
      expect(text(el)).to.include('no adapter');
    });

    it('speaks Chinese by default', async () => {
      const el = await mount(adapter(), newKey(), 'zh-CN');
      expect(text(el)).to.include('发表到客户朋友圈').and.include('今天还可发 1 条');
      expect(publishButton(el).textContent!.trim()).to.equal('发表');
      expect(why(el)).to.equal('请填写正文或添加附件。');
    });
  });

  describe('limits before any request', () => {
    it('counts characters as the user sees them and refuses text over the limit', async () => {
      const a = adapter({}, { momentTextMaxLength: 10 });
      const el = await mount(a);
      await type(el, '👍🏻好');
      expect(q(el, '#count')!.textContent).to.equal('3/10');
      await type(el, '12345678901');
      expect(q(el, '#count')!.textContent).to.equal('11/10');
      expect(q(el, '#count')!.hasAttribute('data-over')).to.equal(true);
      expect(q(el, 'textarea')!.getAttribute('aria-invalid')).to.equal('true');
      expect(publishButton(el).disabled).to.equal(true);
      expect(why(el)).to.equal('1 character too many.');
      await el.publish();
      expect(a.callsTo('publishMoment')).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('disables publishing with the reason when no posts are left today', async () => {
      const a = adapter({ getMomentQuota: async () => quota(0) });
      const el = await mount(a);
      await type(el, '今日新品');
      expect(publishButton(el).disabled).to.equal(true);
      expect(why(el)).to.equal('No posts left today.');
      expect(q(el, '[part=quota]')!.textContent).to.include('No posts left today. You can post again');
      publishButton(el).click();
      await el.publish();
      expect(a.callsTo('publishMoment')).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('refuses images over 10 MB with the reason, without uploading', async () => {
      const a = adapter();
      const el = await mount(a);
      const big = new File([new Uint8Array(10 * 1024 * 1024 + 1)], 'big.png', { type: 'image/png' });
      await pick(el, [big]);
      await waitUntil(() => q(el, '.notices')!.textContent!.includes('big.png'));
      expect(q(el, '.notices')!.textContent).to.include('big.png: over 10 MB');
      expect(media(el)).to.have.length(0);
      expect(a.callsTo('uploadMedia')).to.have.length(0);
    });

    it('refuses images over the pixel limit, and files that are not images', async () => {
      const a = adapter({}, { imageMaxPixels: 100 });
      const el = await mount(a);
      await pick(el, [await png(20, 20, 'wide.png'), new File(['x'], 'notes.txt', { type: 'text/plain' })]);
      await waitUntil(() => q(el, '.notices')!.textContent!.includes('wide.png'));
      expect(q(el, '.notices')!.textContent)
        .to.include('wide.png: over 0.0001 megapixels')
        .and.include('notes.txt: unsupported file');
      expect(a.callsTo('uploadMedia')).to.have.length(0);
    });

    it('takes at most the allowed number of images', async () => {
      const a = adapter({}, { momentImagesMax: 3 });
      const el = await mount(a);
      await pick(el, await Promise.all([png(), png(), png(), png()]));
      await uploadsDone(el, 3);
      expect(q(el, '.notices')!.textContent).to.include('At most 3 images');
      expect(a.callsTo('uploadMedia')).to.have.length(3);
      expect(q(el, '.add')).to.equal(null);
    });

    it('refuses a video longer than 30 s (read from its metadata) and takes a short one', async () => {
      const a = adapter();
      const el = await mount(a);
      await pick(el, [clip(31, 'long.mp4')], 'Video');
      await waitUntil(() => q(el, '.notices')!.textContent!.includes('long.mp4'));
      expect(q(el, '.notices')!.textContent).to.include('long.mp4: longer than 30 s');
      expect(a.callsTo('uploadMedia')).to.have.length(0);
      await pick(el, [clip(2, 'short.mp4')]);
      await uploadsDone(el, 1);
      expect(media(el)[0]!.durationMs).to.equal(2000);
      expect((a.callsTo('uploadMedia')[0] as UploadMediaInput).kind).to.equal('video');
      expect(q(el, '[part=thumbnail]')!.getAttribute('aria-label')).to.equal('Video, 2 s');
      await type(el, '新品视频');
      publishButton(el).click();
      await waitUntil(() => a.callsTo('publishMoment').length === 1);
      const { draft } = a.callsTo('publishMoment')[0] as { draft: MomentDraft };
      expect(draft.attachments).to.deep.include({ kind: 'video' });
      expect((draft.attachments as { video: { durationMs: number } }).video.durationMs).to.equal(2000);
    });

    it('checks a link title in UTF-8 bytes (at most 64)', async () => {
      const a = adapter();
      const el = await mount(a);
      button(el, 'Link').click();
      await el.updateComplete;
      const [url, title] = qa(el, 'label:not(.choice) input') as HTMLInputElement[];
      url!.value = 'ftp://example.com';
      url!.dispatchEvent(new Event('input'));
      title!.value = '双十一预售开启'.repeat(3) + '啊'; // 22 characters, 66 bytes
      title!.dispatchEvent(new Event('input'));
      await el.updateComplete;
      expect(text(el)).to.include('66/64 bytes').and.include('Start with https://');
      expect(publishButton(el).disabled).to.equal(true);
      expect(why(el)).to.include('64 bytes at most');
      await expect(el).to.be.accessible();
      url!.value = 'https://shop.example.com/d11';
      url!.dispatchEvent(new Event('input'));
      title!.value = '双十一预售开启'.repeat(3);
      title!.dispatchEvent(new Event('input'));
      await el.updateComplete;
      expect(publishButton(el).disabled).to.equal(false);
      expect(q(el, '.card')!.textContent).to.include('双十一预售开启');
      publishButton(el).click();
      await waitUntil(() => a.callsTo('publishMoment').length === 1);
      const { draft } = a.callsTo('publishMoment')[0] as { draft: MomentDraft };
      expect(draft.attachments).to.deep.equal({
        kind: 'link',
        link: { url: 'https://shop.example.com/d11', title: '双十一预售开启'.repeat(3), coverUrl: undefined },
      });
    });

    it('publishes a mini-program card once it is complete', async () => {
      const a = adapter();
      const el = await mount(a);
      button(el, 'Mini program').click();
      await el.updateComplete;
      const inputs = qa(el, 'label:not(.choice) input') as HTMLInputElement[];
      expect(inputs).to.have.length(4);
      const values = ['wx123456', 'pages/goods/index', '秋冬新品', ''];
      inputs.forEach((input, i) => {
        input.value = values[i]!;
        input.dispatchEvent(new Event('input'));
      });
      await el.updateComplete;
      expect(q(el, '.card')!.textContent).to.include('秋冬新品').and.include('Mini program');
      publishButton(el).click();
      await waitUntil(() => a.callsTo('publishMoment').length === 1);
      const { draft } = a.callsTo('publishMoment')[0] as { draft: MomentDraft };
      expect(draft.attachments).to.deep.equal({
        kind: 'miniprogram',
        miniprogram: { appId: 'wx123456', pagePath: 'pages/goods/index', title: '秋冬新品', coverUrl: undefined },
      });
    });
  });

  describe('attachments of one kind', () => {
    it('asks before switching kind, keeps the images on cancel and clears them on confirm', async () => {
      const a = adapter();
      const el = await mount(a);
      await pick(el, [await png()]);
      await uploadsDone(el, 1);
      const link = button(el, 'Link');
      link.focus();
      link.click();
      await waitUntil(() => q<HTMLDialogElement>(el, 'dialog')!.open);
      expect(q(el, 'dialog')!.getAttribute('role')).to.equal('alertdialog');
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !q<HTMLDialogElement>(el, 'dialog')!.open);
      expect(media(el)).to.have.length(1);
      expect(button(el, 'Images').getAttribute('aria-pressed')).to.equal('true');
      expect(el.shadowRoot!.activeElement).to.equal(link);

      link.click();
      await waitUntil(() => q<HTMLDialogElement>(el, 'dialog')!.open);
      button(el, 'Remove and switch').click();
      await el.updateComplete;
      expect(media(el)).to.have.length(0);
      expect(button(el, 'Link').getAttribute('aria-pressed')).to.equal('true');
      expect(q(el, '.thumbs')).to.equal(null);
    });

    it('asks before a pasted image replaces a link card, then adds the image', async () => {
      const a = adapter();
      const el = await mount(a);
      button(el, 'Link').click();
      await el.updateComplete;
      const url = q<HTMLInputElement>(el, 'label:not(.choice) input')!;
      url.value = 'https://shop.example.com';
      url.dispatchEvent(new Event('input'));
      paste(el, [await png()]);
      await waitUntil(() => q<HTMLDialogElement>(el, 'dialog')!.open);
      button(el, 'Remove and switch').click();
      await uploadsDone(el, 1);
      const d = (el as unknown as { draft: ComposerDraft }).draft;
      expect(d.kind).to.equal('images');
      expect(d.card.url).to.equal('');
    });

    it('uploads each image with progress, shows thumbnails and the moments grid', async () => {
      const progress = deferred<void>();
      const a = adapter({
        uploadMedia: async ({ file, onProgress }: UploadMediaInput) => {
          onProgress?.(0.4);
          await progress.promise;
          return { url: `https://cdn.example.com/${++uploaded}`, size: file.size, width: 20, height: 20 };
        },
      });
      const el = await mount(a);
      await pick(el, await Promise.all([png(), png(), png(), png()]));
      await waitUntil(() => qa(el, 'progress').length === 4);
      expect(q<HTMLProgressElement>(el, 'progress')!.value).to.equal(0.4);
      expect(why(el)).to.equal('Wait for uploads to finish.');
      await expect(el).to.be.accessible();
      progress.resolve();
      await uploadsDone(el, 4);
      expect(qa(el, 'progress')).to.have.length(0);
      expect(q(el, '.grid')!.getAttribute('data-layout')).to.equal('2');
      expect(qa(el, '.grid img')).to.have.length(4);
      expect(qa(el, '[part=thumbnail]').map((t) => t.getAttribute('aria-label'))).to.deep.equal([
        'Image 1 of 4',
        'Image 2 of 4',
        'Image 3 of 4',
        'Image 4 of 4',
      ]);
    });

    it('retries one failed upload on its own', async () => {
      let fail = true;
      const a = adapter({
        uploadMedia: async ({ file }: UploadMediaInput) => {
          if (fail) throw new AdapterError('unavailable', 'offline');
          return { url: 'https://cdn.example.com/ok', size: file.size };
        },
      });
      const el = await mount(a);
      await type(el, 'hello');
      await pick(el, [await png()]);
      await waitUntil(() => q(el, '.failed'));
      expect(q(el, '.failed')!.textContent).to.include('Upload failed');
      expect(q(el, '.notices')!.textContent).to.include('The service is unavailable');
      expect(why(el)).to.equal('Retry or remove failed files.');
      await expect(el).to.be.accessible();
      fail = false;
      q<HTMLButtonElement>(el, '.retry')!.click();
      await uploadsDone(el, 1);
      expect(a.callsTo('uploadMedia')).to.have.length(2);
      expect(publishButton(el).disabled).to.equal(false);
    });

    it('aborts an upload when its image is removed', async () => {
      let signal: AbortSignal | undefined;
      const a = adapter({
        uploadMedia: ({ signal: s }: UploadMediaInput) => {
          signal = s;
          return new Promise(() => undefined);
        },
      });
      const el = await mount(a);
      await pick(el, [await png()]);
      await waitUntil(() => signal);
      q<HTMLButtonElement>(el, '.remove')!.click();
      await el.updateComplete;
      expect(signal!.aborted).to.equal(true);
      expect(media(el)).to.have.length(0);
      expect(el.shadowRoot!.activeElement).to.equal(q(el, '.add'));
    });

    it('reorders images with Alt+Arrow keys and removes one with Delete', async () => {
      const el = await mount(adapter());
      await pick(el, [await png(20, 20, 'a.png'), await png(20, 20, 'b.png'), await png(20, 20, 'c.png')]);
      await uploadsDone(el, 3);
      const names = () => media(el).map((m) => (m.blob as File).name);
      q(el, '[data-index="0"]')!.focus();
      await sendKeys({ down: 'Alt' });
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ up: 'Alt' });
      await el.updateComplete;
      expect(names()).to.deep.equal(['b.png', 'a.png', 'c.png']);
      expect(el.shadowRoot!.activeElement).to.equal(q(el, '[data-index="1"]'));
      await sendKeys({ press: 'ArrowRight' });
      expect(names()).to.deep.equal(['b.png', 'a.png', 'c.png']);
      await sendKeys({ press: 'Delete' });
      await el.updateComplete;
      expect(names()).to.deep.equal(['b.png', 'c.png']);
      expect(el.shadowRoot!.activeElement).to.equal(q(el, '[data-index="1"]'));
    });

    it('reorders images by drag and drop, and takes dropped files', async () => {
      const a = adapter();
      const el = await mount(a);
      await pick(el, [await png(20, 20, 'a.png'), await png(20, 20, 'b.png'), await png(20, 20, 'c.png')]);
      await uploadsDone(el, 3);
      q(el, '[data-index="0"]')!.dispatchEvent(new DragEvent('dragstart', { bubbles: true, composed: true }));
      q(el, '[data-index="2"]')!.dispatchEvent(
        new DragEvent('drop', { bubbles: true, composed: true, cancelable: true }),
      );
      await el.updateComplete;
      expect(media(el).map((m) => (m.blob as File).name)).to.deep.equal(['b.png', 'c.png', 'a.png']);
      q(el, 'textarea')!.dispatchEvent(
        new DragEvent('drop', {
          dataTransfer: transfer([await png(20, 20, 'd.png')]),
          bubbles: true,
          composed: true,
          cancelable: true,
        }),
      );
      await uploadsDone(el, 4);
      expect((media(el)[3]!.blob as File).name).to.equal('d.png');
    });

    it('hides images and video when the adapter cannot upload, and blocks publishing without the capability', async () => {
      const el = await mount(adapter({}, {}, { uploadMedia: false, publishMoment: false }));
      expect(button(el, 'Images')).to.equal(undefined);
      expect(button(el, 'Link')).not.to.equal(undefined);
      await type(el, 'hello');
      expect(why(el)).to.equal('Publishing is not supported.');
    });
  });

  describe('drafts are never lost', () => {
    it('restores the draft with its attachments after a reload, without uploading again', async () => {
      const key = newKey();
      const a = adapter();
      const first = await mount(a, key);
      await type(first, '秋冬新品到店');
      await pick(first, [await png(20, 20, 'kept.png')]);
      await uploadsDone(first, 1);
      first.parentElement!.remove(); // the page goes away; the draft is saved on the way
      await waitUntil(async () => (await draftIn(key))?.media[0]?.status === 'done');

      const b = adapter();
      const el = await mount(b, key);
      expect(q<HTMLTextAreaElement>(el, 'textarea')!.value).to.equal('秋冬新品到店');
      expect(media(el)).to.have.length(1);
      expect((media(el)[0]!.blob as File).name).to.equal('kept.png');
      expect(q<HTMLImageElement>(el, '[part=thumbnail] img')!.src).to.match(/^blob:/);
      expect(b.callsTo('uploadMedia')).to.have.length(0);
      publishButton(el).click();
      await waitUntil(() => b.callsTo('publishMoment').length === 1);
      const { draft } = b.callsTo('publishMoment')[0] as { draft: MomentDraft };
      expect(draft.attachments).to.deep.include({ kind: 'images' });
      expect((draft.attachments as { images: { url: string }[] }).images[0]!.url).to.match(
        /^https:\/\/cdn\.example\.com\//,
      );
    });

    it('saves each change at once, not after a pause', async () => {
      const key = newKey();
      const el = await mount(adapter(), key);
      await type(el, '秋冬');
      expect((await draftIn(key))?.text).to.equal('秋冬');
      await type(el, '秋冬新品');
      expect((await draftIn(key))?.text).to.equal('秋冬新品');
    });

    it('keeps what was typed right before the page reloads, without a pause for the save', async () => {
      const key = newKey();
      const a = adapter();
      const page = await composerPage();
      await type(await mountInPage(page, a, key), '秋冬新品到店，最后几个字');
      await page.reload();
      const again = await mountInPage(page, a, key);
      expect(q<HTMLTextAreaElement>(again, 'textarea')!.value).to.equal('秋冬新品到店，最后几个字');
      page.remove();
    });

    it('saves on every change and resumes an interrupted upload after a reload', async () => {
      const key = newKey();
      const first = await mount(adapter({ uploadMedia: () => new Promise(() => undefined) }), key);
      await type(first, 'draft');
      await pick(first, [await png()]);
      await waitUntil(async () => (await draftIn(key))?.media.length === 1, 'the draft was not saved by itself');
      expect((await draftIn(key))!.text).to.equal('draft');
      first.parentElement!.remove();

      const b = adapter();
      const el = await mount(b, key);
      await uploadsDone(el, 1);
      expect(b.callsTo('uploadMedia')).to.have.length(1);
    });

    it('keeps the draft when publishing fails, and a retry sends the same request id once', async () => {
      const key = newKey();
      let fail = true;
      const a = adapter({
        publishMoment: async ({ requestId, draft }) => {
          if (fail) throw new AdapterError('unavailable', 'network down');
          return published(requestId, draft);
        },
      });
      const el = await mount(a, key);
      await type(el, '周末到店有礼');
      publishButton(el).click();
      await waitUntil(() => q(el, '.bad'));
      expect(q(el, '.bad')!.textContent).to.include('The service is unavailable');
      expect(q<HTMLTextAreaElement>(el, 'textarea')!.value).to.equal('周末到店有礼');
      expect(publishButton(el).textContent!.trim()).to.equal('Retry');
      await expect(el).to.be.accessible();
      expect((await draftIn(key))!.text).to.equal('周末到店有礼');

      fail = false;
      const done = oneEvent(el, 'cl-moment-published');
      publishButton(el).click();
      await done;
      const [first, second] = a.callsTo('publishMoment') as { requestId: string }[];
      expect(second!.requestId).to.equal(first!.requestId);
      await waitUntil(async () => (await draftIn(key)) === undefined, 'the draft was not cleared after publication');
    });
  });

  describe('publishing exactly once', () => {
    it('sends one post for a double click', async () => {
      const gate = deferred<void>();
      const a = adapter({
        publishMoment: async ({ requestId, draft }) => {
          await gate.promise;
          return published(requestId, draft);
        },
      });
      const el = await mount(a);
      await type(el, '限时折扣');
      publishButton(el).click();
      publishButton(el).click();
      void el.publish();
      await el.updateComplete;
      expect(publishButton(el).disabled).to.equal(true);
      expect(publishButton(el).textContent!.trim()).to.equal('Publishing…');
      expect(q<HTMLFieldSetElement>(el, 'fieldset')!.disabled).to.equal(true);
      gate.resolve();
      await waitUntil(() => text(el).includes('Published.'));
      expect(a.callsTo('publishMoment')).to.have.length(1);
    });

    it('announces cl-moment-publish (cancelable) with the draft and its request id', async () => {
      const a = adapter();
      const el = await mount(a);
      await type(el, '新品');
      el.addEventListener('cl-moment-publish', (e) => e.preventDefault(), { once: true });
      const event = oneEvent(el, 'cl-moment-publish');
      publishButton(el).click();
      const { detail } = await event;
      expect(detail.draft).to.deep.equal({ text: '新品', attachments: undefined, audience: { type: 'all' } });
      expect(detail.requestId).to.be.a('string');
      await aTimeout(10);
      expect(a.callsTo('publishMoment')).to.have.length(0);
      expect(publishButton(el).disabled).to.equal(false);
    });

    it('follows a submitted post until it is published, then clears the draft and refreshes the quota', async () => {
      const key = newKey();
      const states: Moment['state'][] = ['submitted', 'submitted', 'published'];
      const gate = deferred<void>();
      let remaining = 1;
      const a = adapter({
        getMomentQuota: async () => quota(remaining),
        publishMoment: async ({ requestId, draft }) =>
          published(requestId, draft, { state: 'submitted', publishedAt: undefined }),
        getMoment: async () => {
          await gate.promise;
          return fixtures.moment({ state: states.shift()!, unreachableCustomerIds: ['c1', 'c2'] });
        },
      });
      const el = await mount(a, key);
      await type(el, '到店礼');
      const done = oneEvent(el, 'cl-moment-published');
      publishButton(el).click();
      await waitUntil(() => text(el).includes('Submitted'));
      expect((await draftIn(key))?.momentId ?? (el as unknown as { draft: ComposerDraft }).draft.momentId).to.equal(
        'moment-1',
      );
      await expect(el).to.be.accessible();
      remaining = 0;
      gate.resolve();
      const { detail } = await done;
      expect(detail.moment.state).to.equal('published');
      expect(a.callsTo('getMoment')).to.have.length(3);
      await waitUntil(() => text(el).includes('No posts left today'));
      expect(text(el)).to.include('Published.').and.include('2 customers could not be reached.');
      await animationsDone(el);
      await expect(el).to.be.accessible();
      await waitUntil(async () => (await draftIn(key)) === undefined);
    });

    it('resumes following a submitted post after a reload', async () => {
      const key = newKey();
      const first = await mount(
        adapter({
          publishMoment: async ({ requestId, draft }) =>
            published(requestId, draft, { state: 'submitted', publishedAt: undefined }),
          getMoment: () => new Promise(() => undefined),
        }),
        key,
      );
      await type(first, '到店礼');
      publishButton(first).click();
      await waitUntil(async () => (await draftIn(key))?.momentId === 'moment-1');
      first.parentElement!.remove();
      const b = adapter({ getMoment: async () => fixtures.moment({ state: 'published' }) });
      const el = await mount(b, key);
      await waitUntil(() => text(el).includes('Published.'));
      expect(b.callsTo('publishMoment')).to.have.length(0);
    });

    it('shows a failed post with the customers it could not reach, and lets the associate try again', async () => {
      const a = adapter({
        publishMoment: async ({ requestId, draft }) =>
          published(requestId, draft, {
            state: 'failed',
            publishedAt: undefined,
            unreachableCustomerIds: ['c1', 'c2', 'c3'],
            failureReason: 'Customers blocked the account',
          }),
      });
      const el = await mount(a);
      await type(el, '到店礼');
      publishButton(el).click();
      await waitUntil(() => text(el).includes('Not published.'));
      expect(text(el)).to.include('3 customers could not be reached.').and.include('Customers blocked the account');
      await animationsDone(el);
      await expect(el).to.be.accessible();
      // The failure is said once, in the outcome: no toast lies over "Edit and retry".
      expect(q(el, '[part=feedback]')!.textContent!.trim()).to.equal('');
      button(el, 'Edit and retry').click();
      await el.updateComplete;
      expect(q<HTMLTextAreaElement>(el, 'textarea')!.value).to.equal('到店礼');
      publishButton(el).click();
      await waitUntil(() => a.callsTo('publishMoment').length === 2);
      const [first, second] = a.callsTo('publishMoment') as { requestId: string }[];
      expect(second!.requestId).not.to.equal(first!.requestId);
    });
  });

  describe('audience and preview', () => {
    it('targets customers with chosen tags through cl-tag-picker, with the estimated reach', async () => {
      const a = adapter();
      const el = await mount(a);
      await type(el, 'VIP 专享');
      await waitUntil(() => text(el).includes('About 1,200 customers'));
      expect(pickerDefinedWithComposer, 'the tag picker loaded with the composer').to.equal(false);
      const radios = qa(el, 'input[type=radio]') as HTMLInputElement[];
      radios[1]!.click();
      await el.updateComplete;
      await customElements.whenDefined('cl-tag-picker');
      const picker = q(el, 'cl-tag-picker') as HTMLElementTagNameMap['cl-tag-picker'];
      expect(picker).to.be.instanceOf(customElements.get('cl-tag-picker')!);
      await picker.updateComplete;
      expect(picker.groups).to.have.length(1);
      expect(picker.multiple).to.equal(true);
      expect(why(el)).to.equal('Choose at least one tag.');
      picker.shadowRoot!.querySelector<HTMLButtonElement>('[data-id="t1"]')!.click();
      await el.updateComplete;
      expect(picker.shadowRoot!.querySelector('[data-id="t1"]')!.getAttribute('aria-checked')).to.equal('true');
      expect(picker.selected).to.deep.equal(['t1']);
      await waitUntil(() => text(el).includes('About 80 customers'));
      expect(a.callsTo('estimateReach').at(-1)).to.deep.equal({ audience: { type: 'tags', tagIds: ['t1'] } });
      await expect(el).to.be.accessible();
      publishButton(el).click();
      await waitUntil(() => a.callsTo('publishMoment').length === 1);
      expect((a.callsTo('publishMoment')[0] as { draft: MomentDraft }).draft.audience).to.deep.equal({
        type: 'tags',
        tagIds: ['t1'],
      });
    });

    it('folds long text in the preview behind “Full text”', async () => {
      const el = await mount(adapter());
      await type(el, Array.from({ length: 12 }, (_, i) => `第 ${i + 1} 行`).join('\n'));
      await waitUntil(() => q(el, '.more'));
      const more = q(el, '.more')!;
      expect(more.textContent!.trim()).to.equal('Full text');
      expect(more.getAttribute('aria-expanded')).to.equal('false');
      more.click();
      await el.updateComplete;
      expect(q(el, '.more')!.textContent!.trim()).to.equal('Collapse');
      expect(q(el, '#ptext')!.hasAttribute('data-folded')).to.equal(false);
      await type(el, 'short');
      q(el, '.more')!.click();
      await waitUntil(() => !q(el, '.more'));
    });
  });

  describe('as a store associate finds it (issue 17)', () => {
    const rect = (element: Element) => element.getBoundingClientRect();
    const overlaps = (a: DOMRect, b: DOMRect) =>
      a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    const centre = (r: DOMRect) => [r.left + r.width / 2, r.top + r.height / 2];

    it('says before any writing that today’s posts are used up, and offers no new post after the last one', async () => {
      const used = await mount(adapter({ getMomentQuota: async () => quota(0) }));
      const notice = q(used, '[part=quota]')!;
      expect(notice.compareDocumentPosition(q(used, 'textarea')!) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
      expect(notice.textContent).to.match(/^No posts left today\. You can post again from Nov 3, 2026.*draft is kept/);
      expect(notice.hasAttribute('data-over')).to.equal(true);
      await expect(used).to.be.accessible();

      let posted = 0;
      const el = await mount(
        adapter({
          getMomentQuota: async () => quota(1 - posted),
          publishMoment: async ({ requestId, draft }) => (posted++, published(requestId, draft)),
        }),
      );
      await type(el, '到店礼');
      publishButton(el).click();
      await waitUntil(() => text(el).includes('Published.'));
      expect(!!button(el, 'New post')).to.equal(false);
      expect(q(el, '[part=status]')!.textContent).to.include('No posts left today');
    });

    it('offers a new post after publishing while posts are left', async () => {
      let posted = 0;
      const el = await mount(
        adapter({
          getMomentQuota: async () => ({ ...quota(), limit: 3, used: posted, remaining: 3 - posted }),
          publishMoment: async ({ requestId, draft }) => (posted++, published(requestId, draft)),
        }),
      );
      await type(el, '到店礼');
      publishButton(el).click();
      await waitUntil(() => text(el).includes('Published.'));
      expect(q(el, '[part=quota]')!.textContent).to.include('2 posts left today');
      expect(!!button(el, 'New post')).to.equal(true);
    });

    it('shows a failed image as a square tile with the failure centred and its buttons clear of it', async () => {
      const el = await mount(
        adapter({
          uploadMedia: async () => {
            throw new AdapterError('unavailable', 'offline');
          },
        }),
      );
      el.style.width = '375px';
      await pick(el, [await png(), await png()]);
      await waitUntil(() => qa(el, '.failed').length === 2);
      const tile = q(el, '[part=thumbnail]')!;
      const tileBox = rect(tile);
      expect(Math.abs(tileBox.width - tileBox.height)).to.be.below(1);
      const message = rect(tile.querySelector('.failed-message')!);
      const [x, y] = centre(message);
      const [tileX, tileY] = centre(tileBox);
      expect(Math.abs(x! - tileX!)).to.be.below(2);
      expect(Math.abs(y! - tileY!)).to.be.below(2);
      for (const control of tile.querySelectorAll('button')) {
        const box = rect(control);
        expect(overlaps(box, message), control.className).to.equal(false);
        expect(box.width).to.be.at.least(44);
        expect(box.height).to.be.at.least(44);
      }
      expect(overlaps(rect(tile.querySelector('.retry')!), rect(tile.querySelector('.remove')!))).to.equal(false);
      await expect(el).to.be.accessible();
    });

    it('leaves failed images out of the preview', async () => {
      let count = 0;
      const el = await mount(
        adapter({
          uploadMedia: async ({ file }: UploadMediaInput) => {
            if (++count === 2) throw new AdapterError('unavailable', 'offline');
            return { url: `https://cdn.example.com/${count}`, size: file.size };
          },
        }),
      );
      await pick(el, [await png(), await png(), await png()]);
      await waitUntil(() => q(el, '.failed') && media(el).filter((m) => m.status === 'done').length === 2);
      expect(qa(el, '.grid img')).to.have.length(2);
      expect(q(el, '.grid')!.getAttribute('data-layout')).to.equal('2');
    });

    it('shows the notices about files next to the files, and counts images in 张', async () => {
      const el = await mount(adapter({}, { momentImagesMax: 2 }), newKey(), 'zh-CN');
      await pick(el, [await png(), await png(), await png()], '图片');
      await uploadsDone(el, 2);
      const notice = q(el, '.notices')!;
      expect(notice.textContent).to.include('最多 2 张');
      expect(notice.previousElementSibling?.matches('.hint, .thumbs')).to.equal(true);
      expect(q(el, '#move-hint')!.textContent).to.include('2/2 张');
      const audience = q(el, 'legend')!;
      expect(notice.compareDocumentPosition(audience) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
    });

    it('opens the file chooser with the one tap that chooses images', async () => {
      const el = await mount(adapter());
      let opened = 0;
      q(el, '#file')!.addEventListener('click', (e) => {
        opened++;
        e.preventDefault();
      });
      button(el, 'Images').click();
      expect(opened).to.equal(1);
      await el.updateComplete;
      expect(q<HTMLInputElement>(el, '#file')!.multiple).to.equal(true);
      expect(q<HTMLInputElement>(el, '#file')!.accept).to.equal('image/*');
    });

    it('reorders images by touch: hold a thumbnail, then drag it onto another', async () => {
      const el = await mount(adapter());
      await pick(el, [await png(20, 20, 'a.png'), await png(20, 20, 'b.png'), await png(20, 20, 'c.png')]);
      await uploadsDone(el, 3);
      const names = () => media(el).map((m) => (m.blob as File).name);
      const at = (index: number) => centre(rect(q(el, `[data-index="${index}"]`)!));
      const touch = (type: string, target: Element, [clientX, clientY]: number[]) =>
        target.dispatchEvent(
          new PointerEvent(type, {
            pointerId: 7,
            pointerType: 'touch',
            clientX,
            clientY,
            bubbles: true,
            composed: true,
          }),
        );
      // a quick swipe is a scroll, not a move
      touch('pointerdown', q(el, '[data-index="0"]')!, at(0));
      touch('pointermove', q(el, '[data-index="0"]')!, at(2));
      touch('pointerup', q(el, '[data-index="0"]')!, at(2));
      expect(names()).to.deep.equal(['a.png', 'b.png', 'c.png']);
      touch('pointerdown', q(el, '[data-index="0"]')!, at(0));
      await aTimeout(450);
      await el.updateComplete;
      expect(q(el, '[data-index="0"]')!.hasAttribute('data-dragging')).to.equal(true);
      touch('pointermove', q(el, '[data-index="0"]')!, at(2));
      touch('pointerup', q(el, '[data-index="0"]')!, at(2));
      await el.updateComplete;
      expect(names()).to.deep.equal(['b.png', 'c.png', 'a.png']);
      expect(q(el, '[data-dragging]')).to.equal(null);
    });

    it('keeps keyboard and mouse hints apart from the touch hint', async () => {
      const el = await mount(adapter());
      await pick(el, [await png(), await png()]);
      await uploadsDone(el, 2);
      expect(q(el, '.pointer-hint')!.textContent).to.include('Alt + arrows move');
      expect(q(el, '.touch-hint')!.textContent).to.include('Touch and hold');
      // a desktop browser (the test's) shows the keyboard hint only
      expect(getComputedStyle(q(el, '.touch-hint')!).display).to.equal('none');
      expect(getComputedStyle(q(el, '.pointer-hint')!).display).to.not.equal('none');
    });

    it('draws the loading skeleton without style attributes (style-src ’self’ refuses them)', async () => {
      const staff = deferred<ReturnType<typeof fixtures.staff>>();
      const a = adapter({ getCurrentStaff: () => staff.promise });
      const el = await fixture<MomentsComposer>(
        html`<cl-moments-composer .adapter=${a} draft-key=${newKey()}></cl-moments-composer>`,
      );
      await waitUntil(() => qa(el, '.cl-skeleton').length);
      expect(qa(el, '[style]')).to.have.length(0);
      const heights = qa(el, '.cl-skeleton').map((line) => rect(line).height);
      expect(new Set(heights).size).to.be.greaterThan(2);
      staff.resolve(fixtures.staff());
    });

    it('says in English how many posts are left, in the singular too', async () => {
      const el = await mount(adapter({}, { momentTextMaxLength: 10 }));
      expect(q(el, '[part=quota]')!.textContent).to.match(/^1 post left today/);
      await type(el, '12345678901');
      expect(text(el)).to.not.include('1 characters');
    });

    it('confirms a publication briefly, and lists the customers it could not reach', async () => {
      const a = adapter({
        publishMoment: async ({ requestId, draft }) =>
          published(requestId, draft, { unreachableCustomerIds: ['c1', 'c2'] }),
        getCustomer: async ({ customerId }) => fixtures.customer({ id: customerId, name: `客户${customerId}` }),
      });
      const el = await mount(a);
      await type(el, '到店礼');
      publishButton(el).click();
      await waitUntil(() => q(el, '[part=feedback]')!.textContent!.includes('Published'));
      expect(text(el)).to.include('2 customers could not be reached.');
      const list = button(el, 'Show who');
      expect(list.getAttribute('aria-expanded')).to.equal('false');
      list.click();
      await waitUntil(() => qa(el, '.unreached li').length === 2);
      expect(qa(el, '.unreached li').map((item) => item.textContent!.trim())).to.deep.equal(['客户c1', '客户c2']);
      expect(button(el, 'Hide the list').getAttribute('aria-expanded')).to.equal('true');
      await animationsDone(el);
      await expect(el).to.be.accessible();
    });

    it('says when the network is gone, next to the quota, and clears when it is back', async () => {
      const setOnline = (online: boolean) => {
        Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => online });
        dispatchEvent(new Event(online ? 'online' : 'offline'));
      };
      try {
        const el = await mount(adapter());
        setOnline(false);
        await el.updateComplete;
        expect(q(el, '[part=offline]')!.textContent).to.include('You are offline');
        expect(
          q(el, '[part=offline]')!.compareDocumentPosition(q(el, 'textarea')!) & Node.DOCUMENT_POSITION_FOLLOWING,
        ).to.not.equal(0);
        await expect(el).to.be.accessible();
        setOnline(true);
        await el.updateComplete;
        expect(q(el, '[part=offline]')).to.equal(null);
      } finally {
        delete (navigator as { onLine?: boolean }).onLine;
      }
    });
  });

  describe('the file checks and uploads, whose code loads on demand', () => {
    type IntakeLoader = { part?: unknown; importPart: () => Promise<unknown> };
    /** The attachment editor's loader of its file checks and uploads (core's `OnDemand`). */
    const intakeOf = (el: MomentsComposer) =>
      (el as unknown as { attachments: { intake: IntakeLoader } }).attachments.intake;
    const cannotLoad = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));

    it('checks files chosen before its code is there once it arrives', async () => {
      const a = adapter({}, { imageMaxPixels: 100 });
      const el = await whileNeverIdle(() => mount(a)); // only the files ask for the code
      await aTimeout(20);
      expect(intakeOf(el).part).to.equal(undefined);
      await pick(el, [await png(5, 5, 'small.png'), await png(20, 20, 'wide.png')]);
      await uploadsDone(el, 1);
      expect(intakeOf(el).part).not.to.equal(undefined);
      expect(q(el, '.notices')!.textContent).to.include('wide.png: over 0.0001 megapixels');
      expect(a.callsTo('uploadMedia')).to.have.length(1);
    });

    it('says so when its code cannot load, adds nothing, and takes the files chosen again', async () => {
      const a = adapter();
      const el = await whileNeverIdle(() => mount(a, newKey(), 'zh-CN'));
      const intake = intakeOf(el);
      const realImport = intake.importPart;
      intake.importPart = cannotLoad;
      await pick(el, [await png()], '图片');
      await waitUntil(() => q(el, '.notices')!.textContent!.trim(), 'no notice');
      expect(q(el, '.notices')!.textContent!.trim()).to.equal('这部分未能加载，请检查网络后重试。');
      expect(media(el)).to.have.length(0);
      expect(a.callsTo('uploadMedia')).to.have.length(0);
      intake.importPart = realImport;
      await pick(el, [await png()], '图片');
      await uploadsDone(el, 1);
      expect(q(el, '.notices')!.textContent!.trim()).to.equal('');
    });

    it('shows an interrupted upload as failed when its code cannot load after a reload, and Retry uploads it', async () => {
      const key = newKey();
      const first = await mount(adapter({ uploadMedia: () => new Promise(() => undefined) }), key);
      await pick(first, [await png()]);
      await waitUntil(async () => (await draftIn(key))?.media.length === 1, 'the draft was not saved');
      first.parentElement!.remove();

      const b = adapter();
      const el = document.createElement('cl-moments-composer');
      const intake = intakeOf(el);
      const realImport = intake.importPart;
      intake.importPart = cannotLoad; // before it connects: its resumed upload finds the code missing
      el.setAttribute('draft-key', key);
      el.adapter = b;
      await fixture(html`<div lang="en">${el}</div>`);
      await waitUntil(() => q(el, '.failed'), 'the interrupted upload did not show as failed');
      expect(media(el).map((m) => m.status)).to.deep.equal(['error']);
      expect(q(el, '.notices')!.textContent).to.include('This part could not load');
      expect(b.callsTo('uploadMedia')).to.have.length(0);
      intake.importPart = realImport;
      q<HTMLButtonElement>(el, '.retry')!.click();
      await uploadsDone(el, 1);
      expect(b.callsTo('uploadMedia')).to.have.length(1);
    });
  });

  describe('the outcome, whose code loads on demand', () => {
    /** Whether the outcome's code has arrived in `el` (its `OnDemand` holds the part once loaded). */
    const outcomeLoaded = (el: MomentsComposer) =>
      (el as unknown as { outcomePart: { part?: unknown } }).outcomePart.part !== undefined;

    it('is asked for when publishing starts, so that it shows at once when the post is published', async () => {
      const gate = deferred<void>();
      const a = adapter({
        publishMoment: async ({ requestId, draft }) => {
          await gate.promise;
          return published(requestId, draft);
        },
      });
      const el = await whileNeverIdle(() => mount(a)); // only publishing asks for the code
      await type(el, '到店礼');
      await aTimeout(20);
      expect(outcomeLoaded(el)).to.equal(false);
      publishButton(el).click();
      await waitUntil(() => outcomeLoaded(el), 'the outcome’s code was not asked for when publishing started');
      const done = oneEvent(el, 'cl-moment-published');
      gate.resolve();
      await done;
      await el.updateComplete;
      expect(q(el, '.cl-on-demand')).to.equal(null);
      expect(q(el, '[part=status]')!.textContent).to.include('Published.');
    });

    it('starts each post’s outcome with its list of unreached customers closed', async () => {
      let posted = 0;
      const a = adapter({
        getMomentQuota: async () => ({ ...quota(), limit: 3, used: posted, remaining: 3 - posted }),
        publishMoment: async ({ requestId, draft }) => (
          posted++,
          published(requestId, draft, { unreachableCustomerIds: ['c1', 'c2'] })
        ),
        getCustomer: async ({ customerId }) => fixtures.customer({ id: customerId, name: `客户${customerId}` }),
      });
      const el = await mount(a);
      await type(el, '到店礼');
      publishButton(el).click();
      await waitUntil(() => button(el, 'Show who'));
      button(el, 'Show who').click();
      await waitUntil(() => qa(el, '.unreached li').length === 2);
      button(el, 'New post').click();
      await el.updateComplete;
      await type(el, '周末到店有礼');
      publishButton(el).click();
      await waitUntil(() => a.callsTo('publishMoment').length === 2 && q(el, '[part=status] .more'));
      expect(q(el, '[part=status] .more')!.textContent!.trim()).to.equal('Show who');
      expect(q(el, '[part=status] .more')!.getAttribute('aria-expanded')).to.equal('false');
      expect(q(el, '.unreached')).to.equal(null);
    });
  });
});
