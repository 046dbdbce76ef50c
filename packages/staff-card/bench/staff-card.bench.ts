/**
 * Benchmark: first render of `<cl-staff-card>` with a full profile (median of several runs), and of
 * the same card with its QR code drawn (encoder already loaded). Prints one BENCH line each.
 */
import type { StaffProfile } from '@clienteling/core';
import '../src/define.js';
import type { StaffCard } from '../src/staff-card.js';

const RUNS = 31;

const profile: StaffProfile = {
  id: 'staff-1',
  name: '王丽',
  companyName: '百联',
  position: '高级美妆顾问',
  avatarUrl: undefined,
  phone: '13800138000',
  verified: true,
  store: {
    id: 'store-1',
    name: '南京东路店',
    address: '上海市黄浦区南京东路 800 号',
    city: '上海',
    latitude: 31.23,
    longitude: 121.47,
  },
  externalAttributes: [
    { type: 'text', name: '擅长', value: '护肤咨询、彩妆搭配' },
    { type: 'web', name: '官网', title: '品牌官网', url: 'https://brand.example.com' },
    { type: 'miniprogram', name: '商城', title: '线上商城', appId: 'wx1234567890', pagePath: 'pages/index/index' },
  ],
  contactUrl: 'https://work.weixin.qq.com/ca/cawcde1234567890abcdef',
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function renderOnce(showQr: boolean): Promise<number> {
  const el = document.createElement('cl-staff-card') as StaffCard;
  el.profile = profile;
  el.showQr = showQr;
  const start = performance.now();
  document.body.append(el);
  await el.updateComplete;
  if (showQr) {
    while (!el.shadowRoot!.querySelector('svg.qr-code'))
      await el.updateComplete.then(() => new Promise((r) => setTimeout(r)));
  }
  el.getBoundingClientRect();
  const time = performance.now() - start;
  el.remove();
  return time;
}

async function measure(name: string, showQr: boolean, target: number) {
  await renderOnce(showQr); // warm-up: styles adopted, QR chunk loaded
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push(await renderOnce(showQr));
  const value = Math.round(median(times) * 100) / 100;
  console.log('BENCH ' + JSON.stringify({ name, value, unit: 'ms', target }));
}

describe('cl-staff-card benchmark', () => {
  it('first render of a full card', async () => {
    await measure('staff-card: first render, full profile (median)', false, 16);
  });

  it('first render of a full card with its QR code', async () => {
    await measure('staff-card: first render with QR code (median)', true, 50);
  });
});
