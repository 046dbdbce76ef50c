import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@clienteling/core/define.js';
import '@clienteling/staff-card/define.js';
import { fixtures, stubAdapter } from '../test/helpers/stub-adapter.js';
import { element } from './support/element.js';
import { perStory } from './support/story-context.js';

type Args = Record<string, unknown>;
type Story = StoryObj<Args>;

const DOCS = `
\`<cl-provider>\` gives the elements inside it an adapter (\`.adapter\`), a host bridge (\`.bridge\`), a language
(\`locale\`) and a theme (\`theme\`: \`light\`, \`dark\` or \`auto\`). Providers nest: an inner provider without a
language or theme passes on its parent's, so these stories follow the toolbar until a control sets one.

**Do** put one provider around the part of the page that uses the elements, and set \`--cl-color-primary\` on it
(or any ancestor) for the brand. **Don't** make an element global: two providers on one page with two adapters each
serve their own elements.
`;

/** An adapter whose signed-in associate is `name` of `companyName`. */
const adapterOf = (name: string, companyName: string) => {
  const staff = () => Promise.resolve(fixtures.staff({ name, companyName }));
  return stubAdapter({ getStaff: staff, getCurrentStaff: staff });
};

/** A staff card that loads the signed-in associate from the provider's adapter. */
const card = html`<cl-staff-card layout="compact"></cl-staff-card>`;

const meta: Meta<Args> = {
  title: 'Core/Provider',
  component: 'cl-provider',
  argTypes: {
    locale: { control: 'inline-radio', options: ['zh-CN', 'en'] },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
  },
  render: (args: Args, context: StoryContext) =>
    element('cl-provider', { adapter: perStory(context, 'adapter', () => adapterOf('王丽', '百联')), ...args }, card),
  parameters: { docs: { description: { component: DOCS } } },
};
export default meta;

/** Follows the toolbar: set `locale` or `theme` here to override it for what is inside. */
export const Default: Story = {};

export const DarkInside: Story = { args: { theme: 'dark' } };

/** Two providers on one page, each with its own adapter: each card loads from its own. */
export const TwoAdapters: Story = {
  render: (args: Args, context: StoryContext) =>
    html`${element('cl-provider', { ...args, adapter: perStory(context, 'a', () => adapterOf('王丽', '百联')) }, card)}
    ${element('cl-provider', { ...args, adapter: perStory(context, 'b', () => adapterOf('陈晓', '新世界')) }, card)}`,
};
