// Renders an element from its story's args: properties, CSS custom properties and slots from the
// controls, each event to its action. Lit updates the element in place when a control changes, so
// what the associate typed or chose stays while a designer tries another value.
import { nothing } from 'lit';
import { Directive, PartType, directive, type ElementPart, type PartInfo } from 'lit/directive.js';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import type { Args } from '@storybook/web-components-vite';
import { declarationOf, eventArgName, settableFields, slotArgName, type ElementDeclaration } from './manifest.js';

type Settable = HTMLElement & Record<string, unknown>;

/** A value from a control as the property takes it (the date control gives a timestamp). */
const propertyValue = (typeText: string | undefined, value: unknown) =>
  typeof value === 'number' && typeText?.includes('Date') ? new Date(value) : value;

class ApplyArgs extends Directive {
  private applied: Args = {};
  private current: Args = {};
  private listening = false;

  constructor(partInfo: PartInfo) {
    super(partInfo);
    if (partInfo.type !== PartType.ELEMENT)
      throw new Error('applyArgs() goes on an element: <cl-x ${applyArgs(args)}>');
  }

  render(_args: Args) {
    return nothing;
  }

  override update(part: ElementPart, [args]: [Args]) {
    const element = part.element as Settable;
    const declaration = declarationOf(element.localName);
    this.current = args;
    if (declaration) {
      this.setProperties(element, declaration, args);
      this.setStyles(element, declaration, args);
      this.listen(element, declaration);
    }
    this.applied = args;
    return nothing;
  }

  /** Sets the properties whose arg changed (untouched ones keep what the user did in the element). */
  private setProperties(element: Settable, declaration: ElementDeclaration, args: Args) {
    for (const field of settableFields(declaration)) {
      const value = args[field.name];
      if (value === this.applied[field.name] || (value === undefined && !(field.name in this.applied))) continue;
      element[field.name] = propertyValue(field.type?.text, value);
    }
  }

  private setStyles(element: Settable, declaration: ElementDeclaration, args: Args) {
    for (const { name } of declaration.cssProperties ?? []) {
      const value = args[name];
      if (value) element.style.setProperty(name, String(value));
      else element.style.removeProperty(name);
    }
  }

  /** One listener per event, calling the action of the latest args. */
  private listen(element: Settable, declaration: ElementDeclaration) {
    if (this.listening) return;
    this.listening = true;
    for (const { name } of declaration.events ?? []) {
      element.addEventListener(name, (event) => {
        const action = this.current[eventArgName(name)];
        if (typeof action === 'function') action(event);
      });
    }
  }
}

/** Applies a story's args to the element it is placed on. */
export const applyArgs = directive(ApplyArgs);

/** The text of the slot args, each in a span in its slot. */
function slotted(tagName: string, args: Args) {
  const slots = declarationOf(tagName)?.slots ?? [];
  return slots.map(({ name }) => {
    const text = args[slotArgName(name)];
    if (!text) return nothing;
    return name ? staticHtml`<span slot=${name}>${text}</span>` : staticHtml`<span>${text}</span>`;
  });
}

/**
 * `<tagName>` with the story's args applied, and `children` (real slotted content a story brings)
 * after the slot args.
 */
export function element(tagName: string, args: Args, children: unknown = nothing) {
  const tag = unsafeStatic(tagName);
  return staticHtml`<${tag} ${applyArgs(args)}>${slotted(tagName, args)}${children}</${tag}>`;
}
