/**
 * The rules of scripts (话术), free of zod: which variables a text script may hold and how they are
 * filled in for the customer at hand. The schemas refuse unknown variables with these; the script
 * library fills them for its preview and before sending; a backend fills them the same way.
 */

/** The variables a text script may hold, written `{customerName}`, `{staffName}`, `{storeName}`. */
export const SCRIPT_VARIABLES = ['customerName', 'staffName', 'storeName'] as const;
export type ScriptVariable = (typeof SCRIPT_VARIABLES)[number];

/** The values of the variables for one customer; a missing value leaves its variable as written. */
export type ScriptValues = Partial<Record<ScriptVariable, string>>;

const VARIABLE = /\{([A-Za-z][A-Za-z0-9]*)\}/g;
const isScriptVariable = (name: string): name is ScriptVariable =>
  (SCRIPT_VARIABLES as readonly string[]).includes(name);

/** The `{name}`s of a text that are not script variables, in order of appearance, each once. */
export function unknownScriptVariables(text: string): string[] {
  const unknown = new Set<string>();
  for (const [, name] of text.matchAll(VARIABLE)) if (!isScriptVariable(name!)) unknown.add(name!);
  return [...unknown];
}

/** The script variables a text uses, each once, in order of appearance. */
export function scriptVariablesIn(text: string): ScriptVariable[] {
  const used = new Set<ScriptVariable>();
  for (const [, name] of text.matchAll(VARIABLE)) if (isScriptVariable(name!)) used.add(name!);
  return [...used];
}

/**
 * A text script with its variables filled in: `{customerName}` becomes the customer's name (their
 * remark first, as the associate knows them). A variable without a value stays as written, so the
 * associate sees what is missing rather than an empty gap.
 */
export function fillScript(text: string, values: ScriptValues): string {
  return text.replace(VARIABLE, (written, name: string) => {
    const value = isScriptVariable(name) ? values[name] : undefined;
    return value === undefined || value === '' ? written : value;
  });
}
