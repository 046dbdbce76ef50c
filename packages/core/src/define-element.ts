/** Registration that is safe to run twice (a page may load the bundle twice, or two versions). */
export const VERSION = '0.1.0';

const warned = new Set<string>();

/**
 * Defines `tag` as `ctor` unless the tag is already defined. When it is defined by another version
 * of the library, warns once and keeps the first definition.
 */
export function defineElement(tag: string, ctor: CustomElementConstructor & { clVersion?: string }): void {
  const registry = globalThis.customElements;
  if (!registry) return;
  const existing = registry.get(tag) as (CustomElementConstructor & { clVersion?: string }) | undefined;
  if (!existing) {
    ctor.clVersion ??= VERSION;
    registry.define(tag, ctor);
    return;
  }
  if (existing !== ctor && existing.clVersion !== (ctor.clVersion ?? VERSION) && !warned.has(tag)) {
    warned.add(tag);
    console.warn(
      `[clienteling] <${tag}> is already defined by version ${existing.clVersion ?? 'unknown'}; ` +
        `version ${ctor.clVersion ?? VERSION} was not registered.`,
    );
  }
}
