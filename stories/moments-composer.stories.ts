import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { AdapterError, DEFAULT_POLICY, createRequestId, type Moment, type UploadMediaInput } from '@clienteling/core';
import '@clienteling/core/define.js';
import '@clienteling/moments-composer/define.js';
import { draftStore, type ComposerDraft, type DraftMedia } from '@clienteling/moments-composer';
import { fixtures, stubAdapter } from '../test/helpers/stub-adapter.js';
import { stubHostBridge } from '@clienteling/host-bridge/testing.js';
import { never, wait } from './fake-network.js';
import { browserOffline } from './support/offline.js';
import { element } from './support/element.js';
import { perStory, wired, type Wiring } from './support/story-context.js';
import { buttonLabelled, clickInShadow, inShadow, pickFiles, waitFor } from './support/play.js';

/* A fake adapter per story: plain promises, with the behaviour each state needs. */

const quota = (remaining = 1) => ({
  limit: 1,
  used: 1 - remaining,
  remaining,
  resetsAt: new Date(Date.now() + 6 * 3_600_000).toISOString(),
});
const groups = [
  fixtures.tagGroup({
    id: 'age',
    name: '年龄段',
    selection: 'single',
    tags: ['20-30', '30-40', '40-50'].map((name, i) => fixtures.tag({ id: `age-${i}`, groupId: 'age', name })),
  }),
  fixtures.tagGroup({
    id: 'pref',
    name: '偏好',
    tags: ['运动服', '美妆', '轻奢', '童装'].map((name, i) => fixtures.tag({ id: `pref-${i}`, groupId: 'pref', name })),
  }),
];

type Options = {
  remaining?: number;
  upload?: 'ok' | 'slow' | 'fail';
  publish?: Moment['state'] | 'error';
  loading?: boolean;
  loadError?: boolean;
  /** How many customers an audience by tags reaches (default 96 per tag). */
  reachByTags?: number;
};

function adapter(options: Options = {}) {
  const { remaining = 1, upload = 'ok', publish = 'published', loading, loadError, reachByTags } = options;
  return stubAdapter({
    getCurrentStaff: async () => (loading ? never() : fixtures.staff()),
    getPolicy: async () => DEFAULT_POLICY,
    getMomentQuota: async () => {
      if (loadError) throw new AdapterError('unavailable', 'offline');
      return quota(remaining);
    },
    listTagGroups: async () => groups,
    estimateReach: async ({ audience }) => ({
      count: audience.type === 'all' ? 1284 : (reachByTags ?? 96 * audience.tagIds.length),
    }),
    uploadMedia: async ({ file, onProgress }: UploadMediaInput) => {
      onProgress?.(0.35);
      if (upload === 'slow') return never();
      if (upload === 'fail') throw new AdapterError('unavailable', 'offline');
      return { url: `https://cdn.example.com/${createRequestId()}`, size: file.size };
    },
    publishMoment: async ({ requestId, draft }) => {
      if (publish === 'error') throw new AdapterError('unavailable', 'offline');
      return fixtures.moment({
        requestId,
        text: draft.text,
        attachments: draft.attachments,
        audience: draft.audience,
        state: publish,
        unreachableCustomerIds: publish === 'failed' ? ['c1', 'c2', 'c3'] : publish === 'published' ? ['c9'] : [],
        failureReason: publish === 'failed' ? '客户已拒收朋友圈' : undefined,
      });
    },
    getMoment: async () => (publish === 'submitted' ? never() : fixtures.moment()),
  });
}

/** A coloured square as a PNG file, for drafts with images. */
async function image(hue: number) {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 240;
  const context = canvas.getContext('2d')!;
  context.fillStyle = `hsl(${hue} 60% 70%)`;
  context.fillRect(0, 0, 240, 240);
  const blob = await new Promise<Blob>((r) => canvas.toBlob((b) => r(b!), 'image/png'));
  return new File([blob], `photo-${hue}.png`, { type: 'image/png' });
}

/** Saves a draft under a story's key before it renders (drafts are restored from IndexedDB). */
async function seed(key: string, draft: Partial<ComposerDraft>, images = 0, status: DraftMedia['status'] = 'done') {
  const media: DraftMedia[] = [];
  for (let i = 0; i < images; i++) {
    const blob = await image(i * 40);
    media.push({
      id: `m${i}`,
      blob,
      status,
      progress: status === 'done' ? 1 : 0.35,
      size: blob.size,
      url: status === 'done' ? `https://cdn.example.com/m${i}` : undefined,
    });
  }
  await draftStore().set(key, {
    requestId: createRequestId(),
    text: '',
    card: { url: '', title: '', coverUrl: '', appId: '', pagePath: '' },
    ...draft,
    media,
    kind: draft.kind ?? (images ? 'images' : undefined),
  });
  return {};
}

const TEXT =
  '双十一预售开启！\n南京东路店到店自提再享 9 折，老客户加赠限量化妆包。\n\n活动时间：11 月 1 日至 11 日\n地址：上海市黄浦区南京东路 800 号\n有任何问题随时私信我～\n名额有限，先到先得。';

/** A WAV file of `seconds` of silence, typed as a video: Chromium reads its duration like a clip's. */
function silentClip(seconds: number) {
  const rate = 8000;
  const samples = rate * seconds;
  const header = new DataView(new ArrayBuffer(44));
  const text = (offset: number, value: string) =>
    [...value].forEach((char, i) => header.setUint8(offset + i, char.charCodeAt(0)));
  text(0, 'RIFF');
  header.setUint32(4, 36 + samples, true);
  text(8, 'WAVEfmt ');
  header.setUint32(16, 16, true);
  header.setUint16(20, 1, true); // PCM
  header.setUint16(22, 1, true); // mono
  header.setUint32(24, rate, true);
  header.setUint32(28, rate, true);
  header.setUint16(32, 1, true);
  header.setUint16(34, 8, true);
  text(36, 'data');
  header.setUint32(40, samples, true);
  const silence = new Uint8Array(samples).fill(128);
  return new File([header.buffer, silence], 'store-tour.mp4', { type: 'video/mp4' });
}

type Args = Record<string, unknown>;
type Story = StoryObj<Args>;

/** The composer with the story's args, on `wiring`. */
const composer = (wiring: Wiring) => (args: Args, context: StoryContext) =>
  wired(context, wiring, element('cl-moments-composer', args));

/** A story whose adapter has these options, and whose saved draft (under its own key) is `draft`. */
function withDraft(
  key: string,
  options: Options,
  draft: Partial<ComposerDraft> = {},
  images = 0,
  status?: DraftMedia['status'],
): Story {
  return {
    args: { draftKey: `story:${key}` },
    // Once per story: a control changed later must not overwrite what was typed since.
    loaders: [(context) => perStory(context, `draft:${key}`, () => seed(`story:${key}`, draft, images, status))],
    render: composer({ adapter: () => adapter(options) }),
  };
}

const composerOf = (canvas: HTMLElement) => canvas.querySelector('cl-moments-composer');

/** Waits until the composer shows its form, then presses Publish and waits for the outcome. */
async function pressPublish({ canvasElement }: { canvasElement: HTMLElement }) {
  await clickInShadow(canvasElement, 'cl-moments-composer', '[part~="publish-button"]:not([disabled])');
  await wait(300);
}

/** Presses the attachment kind button labelled `labels` (Chinese and English). */
async function chooseKind(canvas: HTMLElement, labels: string[]) {
  const button = await waitFor(() => buttonLabelled(composerOf(canvas)?.shadowRoot, labels), labels.join('/'));
  button.click();
}

/** Gives the composer's file picker these files, as if the associate picked them. */
async function pickInComposer(canvas: HTMLElement, files: File[]) {
  const input = await waitFor(
    () => inShadow<HTMLInputElement>(canvas, 'cl-moments-composer', 'input[type="file"]'),
    'the file picker',
  );
  pickFiles(input, files);
  await waitFor(() => inShadow(canvas, 'cl-moments-composer', '[role="status"] p'), 'the refusal notice');
}

const DOCS = `
Where an associate writes a post for customers' moments feed (朋友圈): text, up to 9 images or one video, link or
mini-program card, an audience of all customers or those with chosen tags, and a preview as the customer will see it.

**Rules of the trade it enforces**
- At most N posts a day per associate (policy \`momentsPerDay\`; the original rule is once a day), counted in the
  store's time zone; the quota line says how many are left and when it resets.
- Text at most 2,000 characters; up to 9 images (10 MB each) OR 1 video (30 s, 10 MB) OR 1 link (title 64 bytes)
  OR 1 mini-program card, never mixed: switching kinds asks first.
- Files are checked before any upload (type, count, size, duration, pixels), with the reason in words.
- Drafts are never lost: saved in IndexedDB on every change, under \`draft-key\`.
- Publishing is asynchronous (submitted → published or failed, with who could not be reached) and happens exactly
  once per draft: a retried request carries the same request id.
- In WeCom, the same post can be shared through WeCom (the host bridge) where the host can.

**Do** give each composer on a page its own \`draft-key\`. **Do** listen to \`cl-moment-published\`.
**Don't** clear drafts yourself on navigation. **Don't** post to customers more than the policy allows: the quota is
the company's promise not to spam them.
`;

const meta: Meta<Args> = {
  title: 'Elements/Moments composer',
  component: 'cl-moments-composer',
  args: { draftKey: 'story:default', pollInterval: 1000 },
  loaders: [(context) => perStory(context, 'draft:default', () => seed('story:default', {}))],
  render: composer({ adapter: () => adapter() }),
  parameters: { docs: { description: { component: DOCS } } },
};
export default meta;

export const Empty: Story = {};

export const English: Story = {
  ...withDraft('english', {}, { text: 'New arrivals in store' }),
  globals: { locale: 'en' },
};

export const Dark: Story = { ...withDraft('dark', {}, { text: '秋冬新品到店' }, 4), globals: { theme: 'dark' } };

export const Loading: Story = withDraft('loading', { loading: true });

/** Offline: the reason, and a retry. */
export const Offline: Story = withDraft('offline', { loadError: true });

/** The browser has no network: the composer says so; the draft is kept on the device. */
export const BrowserOffline: Story = {
  ...withDraft('browser-offline', {}, { text: '地铁里写的朋友圈' }),
  beforeEach: browserOffline,
};

export const NoAdapter: Story = { render: composer({}) };

export const NoPostsLeftToday: Story = withDraft('quota', { remaining: 0 }, { text: '今日新品到店' });

export const TextOverTheLimit: Story = withDraft('too-long', {}, { text: `${TEXT}\n`.repeat(20) });

export const LongTextFolded: Story = withDraft('long', {}, { text: TEXT });

export const NineImages: Story = withDraft('nine', {}, { text: '秋冬新品九宫格', kind: 'images' }, 9);

/** Eight images, then two picked: the ninth is added, the tenth refused with the reason. */
export const TenthImageRefused: Story = {
  ...withDraft('tenth', {}, { text: '秋冬新品九宫格', kind: 'images' }, 8),
  play: async ({ canvasElement }) => pickInComposer(canvasElement, [await image(300), await image(330)]),
};

export const Uploading: Story = withDraft(
  'uploading',
  { upload: 'slow' },
  { text: '上传中', kind: 'images' },
  2,
  'uploading',
);

/** An upload that failed: the image says so, with a retry; publishing waits. */
export const UploadFailed: Story = withDraft(
  'upload-failed',
  { upload: 'fail' },
  { text: '上传失败', kind: 'images' },
  1,
  'error',
);

/** A 31-second clip is refused before any upload (the limit is 30 s). */
export const VideoTooLong: Story = {
  ...withDraft('video-long', {}, { text: '门店探店视频', kind: 'video' }),
  play: async ({ canvasElement }) => pickInComposer(canvasElement, [silentClip(31)]),
};

/** With images attached, choosing "Link" asks before it removes them. */
export const SwitchAttachmentDialog: Story = {
  ...withDraft('switch', {}, { text: '秋冬新品', kind: 'images' }, 2),
  play: async ({ canvasElement }) => {
    await chooseKind(canvasElement, ['链接', 'Link']);
    await waitFor(
      () => inShadow<HTMLDialogElement>(canvasElement, 'cl-moments-composer', 'dialog[open]'),
      'the dialog',
    );
  },
};

export const LinkCard: Story = withDraft(
  'link',
  {},
  {
    text: '预售会场已开启',
    kind: 'link',
    card: { url: 'https://shop.example.com/d11', title: '双十一预售会场', coverUrl: '', appId: '', pagePath: '' },
  },
);

export const LinkTitleTooLong: Story = withDraft(
  'link-long',
  {},
  {
    kind: 'link',
    card: { url: 'shop.example.com', title: '双十一预售开启'.repeat(3) + '啊', coverUrl: '', appId: '', pagePath: '' },
  },
);

export const MiniProgramCard: Story = withDraft(
  'mp',
  {},
  {
    text: '小程序下单，门店自提',
    kind: 'miniprogram',
    card: { url: '', title: '秋冬新品', coverUrl: '', appId: 'wx1234567890', pagePath: 'pages/goods/index' },
  },
);

export const AudienceByTags: Story = withDraft('tags', {}, { text: '专属 VIP 活动', tagIds: ['pref-1', 'age-0'] });

/** No customer carries the chosen tags: the reach says 0 before anything is sent. */
export const ReachZero: Story = withDraft('reach-zero', { reachByTags: 0 }, { text: '童装专场', tagIds: ['pref-3'] });

export const Submitted: Story = withDraft(
  'submitted',
  { publish: 'submitted' },
  { text: '发送中的朋友圈', momentId: 'moment-1' },
);

/** Publish is pressed and the network fails: the draft stays, and the button retries with the same request. */
export const PublishError: Story = {
  ...withDraft('error', { publish: 'error' }, { text: '网络断开时按下发表' }),
  play: pressPublish,
};

export const Published: Story = {
  ...withDraft('published', {}, { text: '秋冬新品到店，欢迎试穿' }),
  play: pressPublish,
};

/** The platform failed the post: 3 customers could not be reached, with the reason. */
export const FailedPublish: Story = {
  ...withDraft('failed', { publish: 'failed' }, { text: '双十一预售开启' }),
  play: pressPublish,
};

/** In WeCom (fake host bridge able to share to moments): "Share through WeCom" beside Publish. */
export const WecomShareButton: Story = {
  ...withDraft('wecom', {}, { text: '秋冬新品到店' }, 2),
  render: composer({
    adapter: () => adapter(),
    bridge: () =>
      stubHostBridge({
        kind: 'wecom',
        entry: 'single-chat',
        customerId: 'cust-1',
        capabilities: { shareToMoments: true },
      }),
  }),
};

/** In a plain browser nothing can share to moments: Publish only. */
export const PlainBrowser: Story = {
  ...withDraft('browser', {}, { text: '秋冬新品到店' }),
  render: composer({ adapter: () => adapter(), bridge: () => stubHostBridge({ kind: 'browser', entry: 'normal' }) }),
};
