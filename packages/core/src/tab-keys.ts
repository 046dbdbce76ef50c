// The keys of a row of tabs (the ARIA tabs pattern: one tab stop, arrows move between the tabs).
// In a module of its own, so that an element that does not import it pays nothing.

/**
 * The index of the tab a key moves to from the tab at `index` of `count`: ArrowRight and ArrowLeft the
 * next and previous (wrapping around), Home the first, End the last; `undefined` for any other key.
 */
export function tabKeyTarget(key: string, index: number, count: number): number | undefined {
  const targets: Record<string, number> = {
    ArrowRight: (index + 1) % count,
    ArrowLeft: (index - 1 + count) % count,
    Home: 0,
    End: count - 1,
  };
  return targets[key];
}
