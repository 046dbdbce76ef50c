import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { TagToggleDetail, TagPicker } from '@clienteling/tag-editor';
import '@clienteling/tag-editor/tag-picker.js';
import { element } from './support/element.js';
import { storeGroups } from './support/tag-groups.js';

type Args = Record<string, unknown>;

const DOCS = `
The chips of \`<cl-tag-editor>\` on their own: a page (or \`<cl-moments-composer>\`, for a post's audience) gives it
the groups and the selected ids, and applies each \`cl-tag-toggle\` itself.

**Rules of the trade**: single-select groups are radio groups (arrow keys move the choice), multi-select groups are
checkboxes; groups and tags sort by \`order\` (larger first); deleted ones are hidden; search marks the match.

**Do** keep \`selected\` in step with the toggles you accept. **Don't** use it to edit a customer's tags directly:
\`<cl-tag-editor>\` adds the rollback and the rules.
`;

/** Applies each toggle to the picker's `selected`, as a page does. */
const followToggles = (event: CustomEvent<TagToggleDetail>) => {
  const picker = event.currentTarget as TagPicker;
  const { tag, selected } = event.detail;
  picker.selected = selected ? [...picker.selected, tag.id] : picker.selected.filter((id) => id !== tag.id);
};

const manualGroups = () => storeGroups().filter((group) => group.kind === 'manual' && !group.deleted);

const meta: Meta<Args> = {
  title: 'Elements/Tag picker',
  component: 'cl-tag-picker',
  args: { label: '客户标签', groups: manualGroups(), selected: ['age-1', 'style-0', 'style-2'], query: '' },
  render: (args) =>
    element('cl-tag-picker', {
      ...args,
      onClTagToggle: (event: CustomEvent<TagToggleDetail>) => {
        followToggles(event);
        (args.onClTagToggle as ((event: Event) => void) | undefined)?.(event);
      },
    }),
  parameters: { docs: { description: { component: DOCS } } },
};
export default meta;
type Story = StoryObj<Args>;

export const Default: Story = {};

/** As the moments composer uses it for an audience: every group multi-select. */
export const ForAudience: Story = { args: { label: '可见范围', multiple: true, selected: ['style-0'] } };

/** A pending change (spinner) and a refused one (marked), as the tag editor shows them. */
export const PendingAndRefused: Story = { args: { states: { 'style-2': 'pending', 'style-4': 'error' } } };

/** Search highlights the match and hides what does not match. */
export const Search: Story = { args: { query: '运' } };

export const NoMatch: Story = { args: { query: '不存在' } };

export const Readonly: Story = { args: { readonly: true } };
