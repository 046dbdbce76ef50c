import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { AdapterError, type ContactWay, type StaffProfile } from '@clienteling/core';
import '@clienteling/core/define.js';
import '@clienteling/staff-card/define.js';
import { fixtures, stubAdapter } from '../test/helpers/stub-adapter.js';
import { never, wait } from './fake-network.js';
import { browserOffline } from './support/offline.js';
import { element } from './support/element.js';
import { wired } from './support/story-context.js';

/** A full profile, as a department store's backend would send it. */
const full = (over: Partial<StaffProfile> = {}): StaffProfile =>
  fixtures.staff({
    position: '高级美妆顾问',
    store: {
      id: 'store-1',
      name: '南京东路店',
      address: '上海市黄浦区南京东路 800 号 1 楼',
      city: '上海',
      latitude: 31.2352,
      longitude: 121.4755,
    },
    externalAttributes: [
      { type: 'text', name: '擅长', value: '护肤咨询、彩妆搭配' },
      { type: 'web', name: '官网', title: '品牌官网', url: 'https://www.example.com' },
      { type: 'miniprogram', name: '商城', title: '线上商城', appId: 'wx1234567890', pagePath: 'pages/index/index' },
    ],
    ...over,
  });

type Args = Record<string, unknown>;
type Story = StoryObj<Args>;

/** An adapter that answers `getStaff` and `getCurrentStaff` with `answer()`. */
const staffAdapter = (answer: () => Promise<StaffProfile>) => () =>
  stubAdapter({ getStaff: answer, getCurrentStaff: answer });

/** The card with the story's args, loading its profile through an adapter answering `answer()`. */
const onAdapter = (answer: () => Promise<StaffProfile>, args: Args = {}): Story => ({
  args: { profile: undefined, ...args },
  render: (storyArgs: Args, context: StoryContext) =>
    wired(context, { adapter: staffAdapter(answer) }, element('cl-staff-card', storyArgs)),
});

/** The page keeps the associate on the page (the default would open the add-me link). */
const stayOnPage = (event: Event) => event.preventDefault();

const DOCS = `
The associate's verified identity, where a customer decides whether to add them: on the store's H5 page, in a
moments post, on a coupon. Three layouts: the full \`card\`, a \`compact\` row for lists, an inline \`chip\`.

**Rules of the trade it enforces**
- The verified (实名) badge shows only when the backend says the real-name check passed (\`verified\`).
- The \`@Company\` suffix always shows, highlighted: customers add the company's associate, not a private account.
- A phone number is a \`tel:\` link; it can be masked (\`mask-phone\`) on public pages.
- The add-me QR code carries the contact-me link; web and mini-program attributes open only safe links
  (\`javascript:\` and \`data:\` show as text).

**Do** give it \`staff-id\` (or a \`profile\` you already have) and let it load. **Do** handle
\`cl-staff-contact\` with \`preventDefault()\` when the page adds the associate itself. **Don't** draw your own
badge or hide the company suffix. **Don't** shorten a long name or address: the card wraps Chinese and English text.
`;

const meta: Meta<Args> = {
  title: 'Elements/Staff card',
  component: 'cl-staff-card',
  args: { profile: full(), layout: 'card', showQr: true, maskPhone: false },
  argTypes: { layout: { control: 'inline-radio', options: ['card', 'compact', 'chip'] } },
  render: (args) => element('cl-staff-card', { ...args, onClStaffContact: chain(stayOnPage, args.onClStaffContact) }),
  parameters: { docs: { description: { component: DOCS } } },
};
export default meta;

/** Calls `first`, then the story's action when there is one. */
function chain(first: (event: Event) => void, action: unknown) {
  return (event: Event) => {
    first(event);
    if (typeof action === 'function') action(event);
  };
}

export const Card: Story = {};

export const LoadedThroughTheAdapter: Story = onAdapter(
  async () => {
    await wait(800);
    return full();
  },
  { staffId: 'staff-1', showQr: false },
);

export const Unverified: Story = { args: { profile: full({ verified: false }), showQr: false } };

export const MaskedPhone: Story = { args: { maskPhone: true, showQr: false } };

export const CustomMapTemplate: Story = {
  args: {
    showQr: false,
    mapUrlTemplate: 'https://apis.map.qq.com/uri/v1/marker?marker=coord:{lat},{lng};title:{name};addr:{address}',
  },
};

export const Compact: Story = { args: { layout: 'compact', showQr: false } };

/** A page's own action in the `actions` slot. */
export const CompactWithAction: Story = {
  args: { layout: 'compact', showQr: false },
  render: (args) =>
    element(
      'cl-staff-card',
      args,
      html`<button slot="actions" class="demo-button" style="min-height: 44px">切换</button>`,
    ),
};

export const Chip: Story = {
  args: { layout: 'chip', showQr: false },
  render: (args) =>
    html`<p>
      专属导购 ${element('cl-staff-card', args)} 与
      ${element('cl-staff-card', { ...args, profile: full({ id: 's2', name: '陈晓', verified: false }) })} 为你服务。
    </p>`,
};

export const Loading: Story = {
  args: { profile: undefined },
  render: (args, context) =>
    wired(
      context,
      { adapter: staffAdapter(never) },
      html`${element('cl-staff-card', args)} ${element('cl-staff-card', { ...args, layout: 'compact' })}
        <p>导购 ${element('cl-staff-card', { ...args, layout: 'chip' })}</p>`,
    ),
};

export const NotFound: Story = onAdapter(
  async () => {
    throw new AdapterError('not-found', 'no such staff');
  },
  { staffId: 'left' },
);

/** Offline on the first try: the reason and a retry, which then loads the card. */
export const OfflineWithRetry: Story = (() => {
  let attempts = 0;
  return onAdapter(async () => {
    await wait(500);
    if (attempts++ % 2 === 0) throw new AdapterError('unavailable', 'offline');
    return full();
  });
})();

export const InvalidProfile: Story = { args: { profile: { ...full(), companyName: '' } } };

/** The browser has no network: the card loads from the adapter of this story and says the network is gone. */
export const BrowserOffline: Story = { ...onAdapter(async () => full()), beforeEach: browserOffline };

export const NoAdapter: Story = { args: { profile: undefined } };

export const QrCodeUnavailable: Story = {
  args: { profile: full({ contactUrl: 'https://x.example/' + '码'.repeat(2000) }) },
};

/** The associate's contact-me code of the channel `store-card` (联系我), made once through the adapter. */
const storeCardCode = (): ContactWay => ({
  id: 'contact-1',
  staffIds: ['staff-1'],
  state: 'store-card',
  url: 'https://contact.clienteling.example/contact-1?state=store-card',
  createdBy: 'staff-1',
  createdAt: '2026-11-01T02:00:00.000Z',
});

/** The card whose QR code is the contact-me code of `store-card`, listed and made by `codes`. */
const withContactCode = (codes: Pick<ReturnType<typeof stubAdapter>, 'listContactWays' | 'createContactWay'>) =>
  ({
    args: { contactState: 'store-card' },
    render: (args: Args, context: StoryContext) =>
      wired(context, { adapter: () => stubAdapter(codes) }, element('cl-staff-card', args)),
  }) satisfies Story;

/** `contact-state`: the QR code and add action use the associate's contact-me code of that channel. */
export const ContactMeCode: Story = withContactCode({
  listContactWays: async () => {
    await wait(400);
    return { items: [], nextCursor: null };
  },
  createContactWay: async () => {
    await wait(600);
    return storeCardCode();
  },
});

/** The contact-me code on its way: a skeleton QR code and the add action disabled. */
export const ContactMeCodeLoading: Story = withContactCode({ listContactWays: never, createContactWay: never });

/** The code could not be loaded on the first try: the reason and Retry in the QR code's place. */
export const ContactMeCodeFailed: Story = (() => {
  let attempts = 0;
  return withContactCode({
    listContactWays: async () => {
      await wait(400);
      if (attempts++ % 2 === 0) throw new AdapterError('unavailable', 'offline');
      return { items: [storeCardCode()], nextCursor: null };
    },
    createContactWay: async () => storeCardCode(),
  });
})();

export const LongNamesAndAddresses: Story = {
  args: { showQr: false },
  render: (args) =>
    html`${element('cl-staff-card', {
        ...args,
        profile: full({
          name: 'Alexandrina Konstantinopoulou-Montgomery',
          companyName: 'Shanghai No. 1 Department Store Group Co., Ltd.',
          position: 'Senior Beauty Advisor and Membership Services Manager',
          store: {
            id: 's',
            name: 'Nanjing Road Pedestrian Street Flagship Store',
            address: 'Floor 3, Building B, No. 800 East Nanjing Road, Huangpu District, Shanghai',
          },
        }),
      })}
      <br />
      ${element('cl-staff-card', {
        ...args,
        profile: full({
          name: '欧阳娜娜',
          companyName: '上海第一百货商业中心有限公司',
          position: '高级美妆顾问兼会员服务经理（南京东路旗舰店）',
          store: {
            id: 's',
            name: '上海市黄浦区南京东路步行街旗舰店',
            address: '上海市黄浦区南京东路八百号第一百货商业中心B座三层301室',
          },
        }),
      })}`,
};

export const UnsafeLinksShownAsText: Story = {
  args: {
    showQr: false,
    profile: full({
      externalAttributes: [
        { type: 'web', name: '脚本', title: 'javascript: 链接（显示为文本）', url: 'javascript:alert(1)' },
        { type: 'web', name: '数据', title: 'data: 链接（显示为文本）', url: 'data:text/html,<b>x</b>' },
        { type: 'text', name: '标记', value: '<img src=x onerror=alert(1)> 只是文本' },
      ],
    }),
  },
};

export const English: Story = { globals: { locale: 'en' } };

export const Dark: Story = { globals: { theme: 'dark' } };

/** A retailer's brand through the element's tokens (each one a control). */
export const Themed: Story = {
  args: {
    '--cl-staff-card-radius': '16px',
    '--cl-staff-card-avatar-background': '#c8102e',
    '--cl-staff-card-avatar-color': '#ffffff',
  },
};
