// Storybook's controls and API tables, read from the merged custom-elements.json (written by
// `npm run analyze`, loaded in .storybook/preview.ts). The manifest holds the public API only, with
// every event typed, so each row here is something a page can set, listen to or style.
import { getCustomElements, type ArgTypes } from '@storybook/web-components-vite';

/** The parts of a custom-elements.json declaration the stories read. */
interface ManifestItem {
  name: string;
  description?: string;
  type?: { text?: string };
  default?: string;
}

interface ManifestMember extends ManifestItem {
  kind: 'field' | 'method';
  attribute?: string;
  static?: boolean;
  readonly?: boolean;
  inheritedFrom?: { name: string };
}

export interface ElementDeclaration {
  tagName: string;
  name: string;
  summary?: string;
  description?: string;
  members?: ManifestMember[];
  events?: ManifestItem[];
  slots?: ManifestItem[];
  cssProperties?: ManifestItem[];
  cssParts?: ManifestItem[];
}

interface Manifest {
  modules: Array<{ declarations?: Array<Partial<ElementDeclaration>> }>;
}

/** The declaration of the element registered as `tagName`, if the manifest has it. */
export function declarationOf(tagName: string): ElementDeclaration | undefined {
  const manifest = getCustomElements() as Manifest | undefined;
  for (const module of manifest?.modules ?? []) {
    const found = module.declarations?.find((declaration) => declaration.tagName === tagName);
    if (found) return found as ElementDeclaration;
  }
  return undefined;
}

/** The fields a page sets: public, writable instance fields. */
export const settableFields = (declaration: ElementDeclaration) =>
  (declaration.members ?? []).filter((member) => member.kind === 'field' && !member.static && !member.readonly);

/** The arg of an event's action: `cl-tags-change` → `onClTagsChange`. */
export const eventArgName = (eventName: string) =>
  `on${eventName.replace(/(^|-)([a-z])/g, (_match, _dash, letter: string) => letter.toUpperCase())}`;

/** The arg of a slot's text: `slot:actions`, or `slot` for the default slot. */
export const slotArgName = (slotName: string) => (slotName ? `slot:${slotName}` : 'slot');

/** String literals of a union type (`'instant' | 'save'`), or none when the type is not one. */
function literalOptions(typeText: string): string[] | undefined {
  const parts = typeText.split('|').map((part) => part.trim());
  const literals = parts.filter((part) => /^'[^']*'$/.test(part)).map((part) => part.slice(1, -1));
  const others = parts.filter((part) => !/^'[^']*'$/.test(part) && part !== 'undefined');
  return literals.length && !others.length ? literals : undefined;
}

/** Objects the page wires in code (the adapter, the host bridge) have no control. */
const WIRED_TYPES = /ClientelingAdapter|HostBridge/;

/** A control for a property, from its TypeScript type. */
function controlOf(typeText: string): Record<string, unknown> | false {
  const type = typeText.replace(/\s*\|\s*undefined$/, '');
  const options = literalOptions(type);
  if (options) return { control: options.length > 3 ? 'select' : 'inline-radio', options };
  if (WIRED_TYPES.test(type)) return false;
  if (type === 'boolean') return { control: 'boolean' };
  if (type === 'number') return { control: 'number' };
  if (type === 'string') return { control: 'text' };
  if (type === 'Date') return { control: 'date' };
  return { control: 'object' };
}

const COLOUR_PROPERTY = /color|background|accent|danger|scrim|foreground|backdrop|border-color/;

function propertyArgTypes(declaration: ElementDeclaration): ArgTypes {
  const argTypes: ArgTypes = {};
  for (const field of settableFields(declaration)) {
    const typeText = field.type?.text ?? 'unknown';
    const control = controlOf(typeText);
    const attribute = field.attribute ? ` (attribute \`${field.attribute}\`)` : '';
    argTypes[field.name] = {
      name: field.name,
      description: `${field.description ?? ''}${attribute}`,
      ...(control || { control: false }),
      table: {
        category: 'properties',
        type: { summary: typeText },
        ...(field.default === undefined ? {} : { defaultValue: { summary: field.default } }),
      },
    };
  }
  return argTypes;
}

function eventArgTypes(declaration: ElementDeclaration): ArgTypes {
  const argTypes: ArgTypes = {};
  for (const event of declaration.events ?? []) {
    argTypes[eventArgName(event.name)] = {
      name: event.name,
      description: event.description,
      action: event.name,
      control: false,
      table: { category: 'events', type: { summary: event.type?.text ?? 'CustomEvent' } },
    };
  }
  return argTypes;
}

function slotArgTypes(declaration: ElementDeclaration): ArgTypes {
  const argTypes: ArgTypes = {};
  // A slot named after data (`after-{groupId}`) has no one text to try.
  for (const slot of (declaration.slots ?? []).filter((item) => !item.name.includes('{'))) {
    argTypes[slotArgName(slot.name)] = {
      name: slot.name || '(default)',
      description: slot.description,
      control: 'text',
      table: { category: 'slots', type: { summary: 'HTML' } },
    };
  }
  return argTypes;
}

function styleArgTypes(declaration: ElementDeclaration): ArgTypes {
  const argTypes: ArgTypes = {};
  for (const property of declaration.cssProperties ?? []) {
    argTypes[property.name] = {
      name: property.name,
      description: property.description,
      control: COLOUR_PROPERTY.test(property.name) ? 'color' : 'text',
      table: {
        category: 'CSS custom properties',
        ...(property.default ? { defaultValue: { summary: property.default } } : {}),
      },
    };
  }
  for (const part of declaration.cssParts ?? []) {
    argTypes[`part:${part.name}`] = {
      name: part.name,
      description: part.description,
      control: false,
      table: { category: 'CSS parts', type: { summary: `::part(${part.name})` } },
    };
  }
  return argTypes;
}

/**
 * Every argType of an element from its manifest: properties (with a control from the type),
 * events (shown in Actions), slots, CSS custom properties and parts. Set as
 * `parameters.docs.extractArgTypes`, so every story with a `component` gets them.
 */
export function argTypesFromManifest(tagName: string): ArgTypes {
  const declaration = declarationOf(tagName);
  if (!declaration) return {};
  return {
    ...propertyArgTypes(declaration),
    ...eventArgTypes(declaration),
    ...slotArgTypes(declaration),
    ...styleArgTypes(declaration),
  };
}

/** The element's description for its docs page: the summary, then the JSDoc text. */
export function descriptionFromManifest(tagName: string): string | undefined {
  const declaration = declarationOf(tagName);
  return declaration?.description ?? declaration?.summary;
}
