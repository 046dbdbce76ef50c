import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { AdapterError, DEFAULT_POLICY, createRequestId, type Moment, type UploadMediaInput } from '@clienteling/core';
import '@clienteling/core/define.js';
import '@clienteling/moments-composer/define.js';
import { draftStore, type ComposerDraft, type DraftMedia } from '@clienteling/moments-composer';
import { fixtures, stubAdapter } from '../test/helpers/stub-adapter.js';
import { never } from './fake-network.js';

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
};

function adapter({ remaining = 1, upload = 'ok', publish = 'published', loading, loadError }: Options = {}) {
  return stubAdapter({
    getCurrentStaff: async () => (loading ? never() : fixtures.staff()),
    getPolicy: async () => DEFAULT_POLICY,
    getMomentQuota: async () => {
      if (loadError) throw new AdapterError('unavailable', 'offline');
      return quota(remaining);
    },
    listTagGroups: async () => groups,
    estimateReach: async ({ audience }) => ({ count: audience.type === 'all' ? 1284 : 96 * audience.tagIds.length }),
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

type Args = Options & { locale?: string; theme?: string; key?: string };

const meta: Meta<Args> = {
  title: 'Elements/Moments composer',
  component: 'cl-moments-composer',
  args: { locale: 'zh-CN', theme: 'light' },
  argTypes: {
    locale: { control: 'inline-radio', options: ['zh-CN', 'en'] },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
  },
  render: ({ locale, theme, key, ...options }) =>
    html`<cl-provider .adapter=${adapter(options)} locale=${locale} theme=${theme}>
      <div style="max-width:375px;background:var(--cl-color-surface);padding:8px">
        <cl-moments-composer draft-key=${key ?? `story:${createRequestId()}`}></cl-moments-composer>
      </div>
    </cl-provider>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Empty: Story = {};
export const English: Story = { args: { locale: 'en' } };
export const Dark: Story = { args: { theme: 'dark' } };
export const Loading: Story = { args: { loading: true } };
export const LoadError: Story = { args: { loadError: true, locale: 'en' } };
export const NoPostsLeftToday: Story = {
  args: { remaining: 0, key: 'story:quota' },
  loaders: [() => seed('story:quota', { text: '今日新品到店' })],
};
export const LongTextFolded: Story = {
  args: { key: 'story:long' },
  loaders: [() => seed('story:long', { text: TEXT })],
};
export const NineImages: Story = {
  args: { key: 'story:nine' },
  loaders: [() => seed('story:nine', { text: '秋冬新品九宫格', kind: 'images' }, 9)],
};
export const FourImagesEnglishDark: Story = {
  args: { key: 'story:four', locale: 'en', theme: 'dark' },
  loaders: [() => seed('story:four', { text: 'New arrivals', kind: 'images' }, 4)],
};
export const Uploading: Story = {
  args: { key: 'story:uploading', upload: 'slow' },
  loaders: [() => seed('story:uploading', { text: '上传中', kind: 'images' }, 2, 'uploading')],
};
export const UploadFailed: Story = {
  args: { key: 'story:upload-failed', upload: 'fail', locale: 'en' },
  loaders: [() => seed('story:upload-failed', { text: 'Retry me', kind: 'images' }, 1, 'uploading')],
};
export const LinkCard: Story = {
  args: { key: 'story:link' },
  loaders: [
    () =>
      seed('story:link', {
        text: '预售会场已开启',
        kind: 'link',
        card: { url: 'https://shop.example.com/d11', title: '双十一预售会场', coverUrl: '', appId: '', pagePath: '' },
      }),
  ],
};
export const LinkTitleTooLong: Story = {
  args: { key: 'story:link-long', locale: 'en' },
  loaders: [
    () =>
      seed('story:link-long', {
        kind: 'link',
        card: {
          url: 'shop.example.com',
          title: '双十一预售开启'.repeat(3) + '啊',
          coverUrl: '',
          appId: '',
          pagePath: '',
        },
      }),
  ],
};
export const MiniProgramCard: Story = {
  args: { key: 'story:mp' },
  loaders: [
    () =>
      seed('story:mp', {
        text: '小程序下单，门店自提',
        kind: 'miniprogram',
        card: { url: '', title: '秋冬新品', coverUrl: '', appId: 'wx1234567890', pagePath: 'pages/goods/index' },
      }),
  ],
};
export const AudienceByTags: Story = {
  args: { key: 'story:tags' },
  loaders: [() => seed('story:tags', { text: '专属 VIP 活动', tagIds: ['pref-1', 'age-0'] })],
};
export const Submitted: Story = {
  args: { key: 'story:submitted', publish: 'submitted' },
  loaders: [() => seed('story:submitted', { text: '发送中的朋友圈', momentId: 'moment-1' })],
};
export const PublishError: Story = {
  args: { key: 'story:error', publish: 'error', locale: 'en' },
  loaders: [() => seed('story:error', { text: 'Press Publish: the network fails and the draft stays' })],
};
export const Published: Story = {
  args: { key: 'story:published' },
  loaders: [() => seed('story:published', { text: '按“发表”即可看到已发表状态' })],
};
export const Failed: Story = {
  args: { key: 'story:failed', publish: 'failed' },
  loaders: [() => seed('story:failed', { text: '按“发表”查看失败状态（3 位客户未能送达）' })],
};
