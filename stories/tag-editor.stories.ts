import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { AdapterError, applyTagDiff, type Capabilities, type Customer, type TagGroup } from '@clienteling/core';
import '@clienteling/core/define.js';
import '@clienteling/tag-editor/define.js';
import type { TagPicker, TagToggleDetail } from '@clienteling/tag-editor';
import { fixtures, stubAdapter } from '../test/helpers/stub-adapter.js';
import { network } from './fake-network.js';

const tag = fixtures.tag;
const group = fixtures.tagGroup;

/** A realistic set of tag groups of a department store. */
function storeGroups(): TagGroup[] {
  const tags = (groupId: string, names: string[]) =>
    names.map((name, i) => tag({ id: `${groupId}-${i}`, groupId, name, order: names.length - i }));
  return [
    group({
      id: 'age',
      name: '年龄段',
      order: 100,
      selection: 'single',
      allowCreate: false,
      tags: tags('age', ['20岁以下', '20-30', '30-40', '40-50', '50岁以上']),
    }),
    group({
      id: 'job',
      name: '职业',
      order: 90,
      selection: 'single',
      tags: tags('job', ['学生', '白领', '自由职业', '企业主', '教师', '医护']),
    }),
    group({
      id: 'style',
      name: '穿搭偏好',
      order: 80,
      tags: tags('style', ['运动风', '通勤', '轻奢', '国潮', '户外', '简约', '复古']),
    }),
    group({ id: 'care', name: '护肤关注', order: 70, tags: tags('care', ['保湿', '美白', '抗老', '敏感肌', '控油']) }),
    group({ id: 'family', name: '家庭', order: 60, tags: tags('family', ['已婚', '有宝宝', '养宠物']) }),
    group({ id: 'old', name: '已停用分组', order: 50, deleted: true, tags: tags('old', ['旧标签']) }),
    group({
      id: 'rfm',
      name: '消费力（系统）',
      order: 10,
      kind: 'rule',
      allowCreate: false,
      tags: tags('rfm', ['高消费', '高频到店', '沉睡客户']),
    }),
  ];
}

/** The platform's quota: 3,000 tags in 30 groups. */
function bigGroups(): TagGroup[] {
  const words = ['运动', '通勤', '轻奢', '亲子', '户外', '美妆', '护肤', '茶饮', '数码', '家居'];
  return Array.from({ length: 30 }, (_, g) =>
    group({
      id: `g${g}`,
      name: `分组 ${g + 1}`,
      order: 30 - g,
      selection: g % 3 === 0 ? 'single' : 'multiple',
      tags: Array.from({ length: 100 }, (_, t) =>
        tag({ id: `g${g}-t${t}`, groupId: `g${g}`, name: `${words[(g + t) % 10]}${t} 号`, order: 100 - t }),
      ),
    }),
  );
}

interface BackendOptions {
  groups?: TagGroup[];
  customer?: Partial<Customer>;
  capabilities?: Partial<Capabilities>;
  /** Loading never answers. */
  hang?: boolean;
  loadError?: AdapterError;
  /** Changes touching these tags are rejected with this error. */
  reject?: { tagIds: string[]; error: AdapterError };
  latency?: number;
}

/** An in-memory backend with the platform's rules (single-select groups replace, names are unique). */
function backend(options: BackendOptions = {}) {
  const groups = options.groups ?? storeGroups();
  const latency = options.latency ?? 400;
  let customer = fixtures.customer({
    tagIds: ['age-1', 'job-1', 'style-0', 'style-2'],
    ruleTagIds: ['rfm-0'],
    ...options.customer,
  });
  const answer = network({ latency, hang: options.hang });
  return stubAdapter(
    {
      listTagGroups: () => answer(() => groups, options.loadError),
      getCustomer: () => answer(() => customer),
      markTags: (input) => {
        const rejected =
          options.reject && [...input.add, ...input.remove].some((id) => options.reject!.tagIds.includes(id));
        return answer(
          () => {
            customer = { ...customer, tagIds: applyTagDiff(customer.tagIds, input, groups).tagIds };
            return customer;
          },
          rejected ? options.reject!.error : undefined,
        );
      },
      createTag: ({ groupId, name }) =>
        answer(() => {
          const created = tag({ id: `new-${Date.now()}`, groupId, name });
          groups.find((g) => g.id === groupId)!.tags.push(created);
          return created;
        }),
    },
    options.capabilities,
  );
}

interface Args {
  mode: 'instant' | 'save';
  readonly: boolean;
  locale: 'zh-CN' | 'en';
  theme: 'light' | 'dark';
}

const frame = (content: TemplateResult, args: Args, adapter: ReturnType<typeof backend>) =>
  html`<cl-provider .adapter=${adapter} locale=${args.locale} theme=${args.theme}
    ><div style="max-width: 375px; background: var(--cl-color-surface, #fff); padding: 8px"
      >${content}</div
    ></cl-provider
  >`;

const editor =
  (options: BackendOptions = {}) =>
  (args: Args) =>
    frame(
      html`<cl-tag-editor customer-id="cust-1" mode=${args.mode} ?readonly=${args.readonly}></cl-tag-editor>`,
      args,
      backend(options),
    );

const meta: Meta<Args> = {
  title: 'Elements/Tag editor',
  component: 'cl-tag-editor',
  args: { mode: 'instant', readonly: false, locale: 'zh-CN', theme: 'light' },
  argTypes: {
    mode: { control: 'inline-radio', options: ['instant', 'save'] },
    locale: { control: 'inline-radio', options: ['zh-CN', 'en'] },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
  },
  render: editor(),
};
export default meta;
type Story = StoryObj<Args>;

/** Each change is sent at once; single-select groups (年龄段, 职业) replace their tag. */
export const Instant: Story = {};

/** Changes are collected and sent as one diff with Save. */
export const SaveMode: Story = { args: { mode: 'save' } };

export const English: Story = { args: { locale: 'en' } };

export const Dark: Story = { args: { theme: 'dark' } };

export const DarkEnglishSave: Story = { args: { theme: 'dark', locale: 'en', mode: 'save' } };

export const Loading: Story = { render: editor({ hang: true }) };

export const LoadError: Story = {
  render: editor({ loadError: new AdapterError('unavailable', 'offline') }),
};

export const LoadErrorNotRetryable: Story = {
  render: editor({ loadError: new AdapterError('forbidden', 'no') }),
};

/** No tag groups are set up yet. */
export const Empty: Story = { render: editor({ groups: [] }) };

/** Choosing "轻奢" or "户外" fails: the tag returns to its previous state, with the reason; other changes stay. */
export const Rollback: Story = {
  render: editor({
    reject: { tagIds: ['style-2', 'style-4'], error: new AdapterError('unavailable', 'offline') },
  }),
};

/** In save mode, an error that names one change (`add.0`) rolls back that change only. */
export const RollbackOnSave: Story = {
  args: { mode: 'save' },
  render: editor({
    reject: { tagIds: ['care-1'], error: new AdapterError('forbidden', 'no', { field: 'add.0' }) },
  }),
};

export const Readonly: Story = { args: { readonly: true } };

/** The adapter cannot mark tags: the editor shows the customer's tags only. */
export const ReadOnlyAdapter: Story = { render: editor({ capabilities: { markTags: false, createTag: false } }) };

export const NoTagCreation: Story = { render: editor({ capabilities: { createTag: false } }) };

/** The platform's quota: 3,000 tags in 30 groups; search stays instant. */
export const ThreeThousandTags: Story = {
  render: editor({
    groups: bigGroups(),
    customer: { tagIds: ['g0-t3', 'g1-t5', 'g2-t8'], ruleTagIds: [] },
    latency: 100,
  }),
};

export const NoCustomer: Story = {
  render: (args) => frame(html`<cl-tag-editor></cl-tag-editor>`, args, backend()),
};

/** The picker on its own, as the moments composer uses it for an audience (`multiple`). */
export const PickerForAudience: Story = {
  render: (args) => {
    let selected: string[] = ['style-0'];
    const groups = storeGroups().filter((g) => g.kind === 'manual');
    return frame(
      html`<cl-tag-picker
        label="可见范围"
        multiple
        .groups=${groups}
        .selected=${selected}
        @cl-tag-toggle=${(e: CustomEvent<TagToggleDetail>) => {
          const { tag } = e.detail;
          selected = e.detail.selected ? [...selected, tag.id] : selected.filter((id) => id !== tag.id);
          (e.currentTarget as TagPicker).selected = selected;
        }}
      ></cl-tag-picker>`,
      args,
      backend(),
    );
  },
};

export const PickerStates: Story = {
  render: (args) =>
    frame(
      html`<cl-tag-picker
        label="客户标签"
        .groups=${storeGroups()}
        .selected=${['age-1', 'style-0', 'style-2']}
        .states=${{ 'style-2': 'pending', 'style-4': 'error' }}
      ></cl-tag-picker>`,
      args,
      backend(),
    ),
};

/** Search highlights the match and hides what does not match. */
export const PickerSearch: Story = {
  render: (args) =>
    frame(
      html`<cl-tag-picker
        label="客户标签"
        query="运"
        .groups=${storeGroups()}
        .selected=${['style-0']}
      ></cl-tag-picker>`,
      args,
      backend(),
    ),
};

export const PickerNoMatch: Story = {
  render: (args) =>
    frame(
      html`<cl-tag-picker label="客户标签" query="不存在" .groups=${storeGroups()}></cl-tag-picker>`,
      args,
      backend(),
    ),
};
