import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { AdapterError, type StaffProfile } from '@clienteling/core';
import '@clienteling/core/define.js';
import '@clienteling/staff-card/define.js';
import { fixtures, stubAdapter } from '../test/helpers/stub-adapter.js';
import { never } from './fake-network.js';

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

/** A card on an adapter that answers `getStaff` / `getCurrentStaff` with `answer()`. */
const onAdapter = (answer: () => Promise<StaffProfile>, card: (adapter: unknown) => TemplateResult) => {
  const adapter = stubAdapter({ getStaff: answer, getCurrentStaff: answer });
  return card(adapter);
};

const log = (e: Event) => console.info(e.type, (e as CustomEvent).detail);

const meta: Meta = {
  title: 'Elements/Staff card',
  component: 'cl-staff-card',
  parameters: {
    docs: { description: { component: "The associate's verified identity card: card, compact and chip layouts." } },
  },
  render: () =>
    html`<cl-staff-card
      show-qr
      .profile=${full()}
      @cl-staff-contact=${(e: Event) => {
        e.preventDefault();
        log(e);
      }}
      @cl-phone-copy=${log}
      @cl-miniprogram-open=${log}
    ></cl-staff-card>`,
};
export default meta;
type Story = StoryObj;

export const Card: Story = {};

export const LoadedThroughTheAdapter: Story = {
  render: () =>
    onAdapter(
      async () => {
        await new Promise((r) => setTimeout(r, 800));
        return full();
      },
      (adapter) => html`<cl-staff-card staff-id="staff-1" .adapter=${adapter}></cl-staff-card>`,
    ),
};

export const Unverified: Story = {
  render: () => html`<cl-staff-card .profile=${full({ verified: false })}></cl-staff-card>`,
};

export const MaskedPhone: Story = {
  render: () => html`<cl-staff-card mask-phone .profile=${full()}></cl-staff-card>`,
};

export const CustomMapTemplate: Story = {
  render: () =>
    html`<cl-staff-card
      map-url-template="https://apis.map.qq.com/uri/v1/marker?marker=coord:{lat},{lng};title:{name};addr:{address}"
      .profile=${full()}
    ></cl-staff-card>`,
};

export const Compact: Story = {
  render: () => html`<cl-staff-card layout="compact" .profile=${full()}></cl-staff-card>`,
};

export const CompactWithAction: Story = {
  render: () =>
    html`<cl-staff-card layout="compact" .profile=${full()}>
      <button slot="actions" class="demo-button" style="min-height: 44px">切换</button>
    </cl-staff-card>`,
};

export const Chip: Story = {
  render: () =>
    html`<p>
      专属导购 <cl-staff-card layout="chip" .profile=${full()}></cl-staff-card> 与
      <cl-staff-card layout="chip" .profile=${full({ id: 's2', name: '陈晓', verified: false })}></cl-staff-card>
      为你服务。
    </p>`,
};

export const Loading: Story = {
  render: () =>
    onAdapter(
      never,
      (adapter) =>
        html`<cl-staff-card .adapter=${adapter} show-qr></cl-staff-card>
          <cl-staff-card layout="compact" .adapter=${adapter}></cl-staff-card>
          <p>导购 <cl-staff-card layout="chip" .adapter=${adapter}></cl-staff-card></p>`,
    ),
};

export const NotFound: Story = {
  render: () =>
    onAdapter(
      async () => {
        throw new AdapterError('not-found', 'no such staff');
      },
      (adapter) => html`<cl-staff-card staff-id="left" .adapter=${adapter}></cl-staff-card>`,
    ),
};

export const ErrorWithRetry: Story = {
  render: () => {
    let attempts = 0;
    return onAdapter(
      async () => {
        await new Promise((r) => setTimeout(r, 500));
        if (attempts++ % 2 === 0) throw new AdapterError('unavailable', 'offline');
        return full();
      },
      (adapter) => html`<cl-staff-card .adapter=${adapter}></cl-staff-card>`,
    );
  },
};

export const InvalidProfile: Story = {
  render: () => html`<cl-staff-card .profile=${{ ...full(), companyName: '' }}></cl-staff-card>`,
};

export const NotConnected: Story = {
  render: () => html`<cl-staff-card></cl-staff-card>`,
};

export const QrCodeUnavailable: Story = {
  render: () =>
    html`<cl-staff-card
      show-qr
      .profile=${full({ contactUrl: 'https://x.example/' + '码'.repeat(2000) })}
    ></cl-staff-card>`,
};

export const LongNamesAndAddresses: Story = {
  render: () =>
    html`<cl-staff-card
        .profile=${full({
          name: 'Alexandrina Konstantinopoulou-Montgomery',
          companyName: 'Shanghai No. 1 Department Store Group Co., Ltd.',
          position: 'Senior Beauty Advisor and Membership Services Manager',
          store: {
            id: 's',
            name: 'Nanjing Road Pedestrian Street Flagship Store',
            address: 'Floor 3, Building B, No. 800 East Nanjing Road, Huangpu District, Shanghai',
          },
        })}
      ></cl-staff-card>
      <br />
      <cl-staff-card
        .profile=${full({
          name: '欧阳娜娜',
          companyName: '上海第一百货商业中心有限公司',
          position: '高级美妆顾问兼会员服务经理（南京东路旗舰店）',
          store: {
            id: 's',
            name: '上海市黄浦区南京东路步行街旗舰店',
            address: '上海市黄浦区南京东路八百号第一百货商业中心B座三层301室',
          },
        })}
      ></cl-staff-card>`,
};

export const UnsafeLinksShownAsText: Story = {
  render: () =>
    html`<cl-staff-card
      .profile=${full({
        externalAttributes: [
          { type: 'web', name: '脚本', title: 'javascript: 链接（显示为文本）', url: 'javascript:alert(1)' },
          { type: 'web', name: '数据', title: 'data: 链接（显示为文本）', url: 'data:text/html,<b>x</b>' },
          { type: 'text', name: '标记', value: '<img src=x onerror=alert(1)> 只是文本' },
        ],
      })}
    ></cl-staff-card>`,
};

export const English: Story = {
  render: () => html`<cl-provider locale="en"><cl-staff-card show-qr .profile=${full()}></cl-staff-card></cl-provider>`,
};

export const Dark: Story = {
  render: () =>
    html`<cl-provider theme="dark">
      <div style="padding: 12px; background: var(--cl-color-surface-muted)">
        <cl-staff-card show-qr .profile=${full()}></cl-staff-card>
        <cl-staff-card layout="compact" .profile=${full()}></cl-staff-card>
        <p style="color: var(--cl-color-text)">导购 <cl-staff-card layout="chip" .profile=${full()}></cl-staff-card></p>
      </div>
    </cl-provider>`,
};

export const Themed: Story = {
  render: () =>
    html`<cl-staff-card
      style="--cl-staff-card-company-color: #b8860b; --cl-staff-card-radius: 16px; --cl-color-primary: #c8102e"
      .profile=${full()}
    ></cl-staff-card>`,
};
