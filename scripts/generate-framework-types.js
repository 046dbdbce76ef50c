// Everything a framework or an editor needs about our elements, generated from the packages'
// custom-elements.json (run by `npm run build` after the analyzer), so that none of it is written
// by hand and none of it can drift from the elements:
//   packages/elements/custom-elements.json            every element of the all-in-one package
//   packages/elements/dist/react-jsx.d.ts             bare `<cl-*>` tags in React 19 TSX: properties,
//                                                     attributes and typed `oncl-*` handlers
//   packages/elements/dist/vue.d.ts                   `<cl-*>` tags in Vue 3 templates (vue-tsc)
//   packages/elements/dist/vscode.html-custom-data.json   VS Code's custom HTML data
//   packages/elements/dist/web-types.json             JetBrains IDEs' web-types
//   packages/react/dist/index.js, index.d.ts          a React component per element (@lit/react)
// Properties are typed by the element classes themselves (`TagEditor['customerId']`) and events by
// the global `HTMLElementEventMap` each define file declares, so the types are the elements' own.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
const ELEMENTS_DIR = join(ROOT, 'packages/elements');
const REACT_DIR = join(ROOT, 'packages/react');
/** Packages whose custom-elements.json this script writes (the analyzer skips them). */
export const GENERATED_MANIFESTS = ['@clienteling/elements'];
const GENERATED = '// Generated from custom-elements.json by scripts/generate-framework-types.js: do not edit.';

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
const workspaceDirs = () => readJson(join(ROOT, 'package.json')).workspaces.map((dir) => join(ROOT, dir));

/** `cl-tag-editor` → `TagEditor`; `cl-tags-change` → `TagsChange`. */
const pascalCase = (name) =>
  name
    .replace(/^cl-/, '')
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');

/** The packages whose elements `@clienteling/elements` registers: its dependencies with a manifest. */
function elementPackages() {
  const elements = readJson(join(ELEMENTS_DIR, 'package.json'));
  const byName = new Map(
    workspaceDirs().map((dir) => {
      const pkg = readJson(join(dir, 'package.json'));
      return [pkg.name, { dir, pkg }];
    }),
  );
  return Object.keys(elements.dependencies ?? {})
    .map((name) => byName.get(name))
    .filter((entry) => entry?.pkg.customElements);
}

/**
 * The package entry (`@clienteling/tag-editor/tag-picker.js`) that registers a class and exports
 * it: a side-effect entry whose module exports the class, the one named after the tag if several.
 */
function defineEntry({ pkg }, manifest, className, tagName) {
  const exportsClass = new Set(
    manifest.modules.filter((mod) => mod.exports?.some((e) => e.name === className)).map((mod) => `./${mod.path}`),
  );
  const candidates = Object.entries(pkg.exports)
    .filter(([, target]) => typeof target === 'object' && exportsClass.has(target.source))
    .filter(([, target]) => pkg.sideEffects?.includes?.(target.source));
  const named = candidates.find(([, target]) => target.source.includes(tagName.replace(/^cl-/, '')));
  const [subpath] = named ?? candidates[0] ?? [];
  if (!subpath) throw new Error(`${pkg.name}: no define entry exports ${className} (<${tagName}>)`);
  return subpath === '.' ? pkg.name : `${pkg.name}/${subpath.replace(/^\.\//, '')}`;
}

/** The events a package declares in `HTMLElementEventMap` (from its built declarations). */
function declaredEvents(dir) {
  const declared = new Set();
  for (const file of readdirRecursive(join(dir, 'dist')).filter((f) => f.endsWith('.d.ts'))) {
    const text = readFileSync(file, 'utf8');
    for (const [, block] of text.matchAll(/interface HTMLElementEventMap \{([^}]*)\}/g)) {
      for (const [, name] of block.matchAll(/'([^']+)':/g)) declared.add(name);
    }
  }
  return declared;
}

function readdirRecursive(dir) {
  try {
    return readdirSync(dir, { recursive: true }).map((f) => join(dir, f));
  } catch {
    return [];
  }
}

/** One description per element, from the manifests. */
export function collectElements() {
  const elements = [];
  for (const entry of elementPackages()) {
    const manifest = readJson(join(entry.dir, entry.pkg.customElements));
    const events = declaredEvents(entry.dir);
    for (const mod of manifest.modules) {
      for (const decl of mod.declarations ?? []) {
        if (!decl.customElement || !decl.tagName) continue;
        const fields = (decl.members ?? []).filter((m) => m.kind === 'field' && !m.static && !m.readonly);
        const undeclared = (decl.events ?? []).filter((e) => !events.has(e.name));
        if (undeclared.length) {
          throw new Error(
            `${entry.pkg.name}: declare ${undeclared.map((e) => e.name).join(', ')} in HTMLElementEventMap ` +
              `(in the define file) so that its type reaches React and Vue`,
          );
        }
        elements.push({
          tagName: decl.tagName,
          className: decl.name,
          componentName: pascalCase(decl.tagName),
          packageName: entry.pkg.name,
          module: defineEntry(entry, manifest, decl.name, decl.tagName),
          description: decl.summary ?? decl.description ?? '',
          docsUrl: entry.pkg.homepage,
          properties: fields.map((m) => ({ name: m.name, description: m.description ?? '', type: m.type?.text })),
          attributes: (decl.attributes ?? [])
            .filter((a) => a.fieldName)
            .map((a) => ({
              name: a.name,
              fieldName: a.fieldName,
              description: a.description ?? '',
              type: a.type?.text,
            })),
          events: (decl.events ?? []).map((e) => ({
            name: e.name,
            handlerName: `on${pascalCase(e.name)}`,
            description: e.description ?? '',
            type: e.type.text,
          })),
          slots: decl.slots ?? [],
          cssParts: decl.cssParts ?? [],
          cssProperties: decl.cssProperties ?? [],
          manifestPath: mod.path,
          declaration: decl,
        });
      }
    }
  }
  return elements.sort((a, b) => a.tagName.localeCompare(b.tagName));
}

const docComment = (text, indent = '') =>
  text ? `${indent}/** ${text.replace(/\*\//g, '*\\/').replace(/\s*\n\s*/g, ' ')} */\n` : '';

/** `'instant' | 'save'` → ['instant', 'save']; anything else → []. */
const literalValues = (type = '') => {
  const parts = type.split('|').map((part) => part.trim());
  return parts.every((part) => /^'[^']*'$/.test(part)) ? parts.map((part) => part.slice(1, -1)) : [];
};

function typeImports(elements) {
  return elements.map((el) => `import type { ${el.className} } from '${el.module}';`).join('\n');
}

// --- React 19 JSX (bare tags) -------------------------------------------------------------------

function reactJsx(elements) {
  const tags = elements.map((el) => {
    const props = el.properties.map(
      (p) => `${docComment(p.description, '  ')}  ${p.name}?: ${el.className}['${p.name}'];`,
    );
    const attributes = el.attributes
      .filter((a) => a.name !== a.fieldName)
      .map((a) => `${docComment(a.description, '  ')}  '${a.name}'?: ${el.className}['${a.fieldName}'];`);
    const handlers = el.events.map(
      (e) => `${docComment(e.description, '  ')}  'on${e.name}'?: (event: HTMLElementEventMap['${e.name}']) => void;`,
    );
    return [
      `${docComment(`Props of \`<${el.tagName}>\` in JSX.`)}export interface ${el.componentName}JsxProps`,
      `  extends ClElementAttributes<${el.className}, ${el.properties.map((p) => `'${p.name}'`).join(' | ') || 'never'}> {`,
      ...props,
      ...attributes,
      ...handlers,
      '}',
    ].join('\n');
  });
  const intrinsic = elements.map(
    (el) => `${docComment(el.description, '      ')}      '${el.tagName}': ${el.componentName}JsxProps;`,
  );
  return `${GENERATED}
// Bare <cl-*> tags in React 19 TSX. Enable with one import anywhere in the app:
//   import type {} from '@clienteling/elements/react-jsx.js';
import type { HTMLAttributes, RefAttributes, ReactNode, Key } from 'react';
${typeImports(elements)}

/** What every tag accepts besides its own properties: React's HTML attributes, ref, key, children. */
export type ClElementAttributes<E, P extends keyof E> = Omit<HTMLAttributes<E>, P> &
  RefAttributes<E> & { class?: string; key?: Key | null; children?: ReactNode };

${tags.join('\n\n')}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
${intrinsic.join('\n')}
    }
  }
}
`;
}

// --- Vue 3 (vue-tsc) ----------------------------------------------------------------------------

function vueTypes(elements) {
  const components = elements.map((el) => {
    const props = el.properties.map(
      (p) => `${docComment(p.description, '  ')}  ${p.name}?: ${el.className}['${p.name}'];`,
    );
    const handlers = el.events.flatMap((e) => {
      const type = `(event: HTMLElementEventMap['${e.name}']) => void`;
      return [`${docComment(e.description, '  ')}  ${e.handlerName.replace(/^on/, 'onCl')}?: ${type};`];
    });
    return [
      `${docComment(`Props and events of \`<${el.tagName}>\` in Vue templates.`)}export interface ${el.componentName}VueProps {`,
      ...props,
      ...handlers,
      '}',
    ].join('\n');
  });
  const globals = elements.map(
    (el) => `${docComment(el.description, '    ')}    '${el.tagName}': DefineComponent<${el.componentName}VueProps>;`,
  );
  return `${GENERATED}
// <cl-*> tags in Vue 3 templates, checked by vue-tsc. Enable with one import anywhere in the app:
//   import type {} from '@clienteling/elements/vue.js';
// and tell the compiler they are custom elements (isCustomElement: (tag) => tag.startsWith('cl-')).
import type { DefineComponent } from 'vue';
${typeImports(elements)}

${components.join('\n\n')}

declare module 'vue' {
  interface GlobalComponents {
${globals.join('\n')}
  }
}
`;
}

// --- React wrappers (@lit/react) ----------------------------------------------------------------

function reactWrappers(elements) {
  const imports = elements.map((el) => `import { ${el.className} as ${el.className}Element } from '${el.module}';`);
  const components = elements.map((el) => {
    const events = el.events.map((e) => `${e.handlerName}: '${e.name}'`).join(', ');
    return [
      `export const ${el.componentName} = /* @__PURE__ */ createComponent({`,
      `  react: React,`,
      `  tagName: '${el.tagName}',`,
      `  elementClass: ${el.className}Element,`,
      `  events: { ${events} },`,
      `  displayName: '${el.componentName}',`,
      `});`,
    ].join('\n');
  });
  const js = `${GENERATED}
import * as React from 'react';
import { createComponent } from '@lit/react';
${imports.join('\n')}

${components.join('\n\n')}
`;
  const declarations = elements.map((el) => {
    const events = el.events.map(
      (e) => `${docComment(e.description, '    ')}    ${e.handlerName}: EventName<HTMLElementEventMap['${e.name}']>;`,
    );
    return [
      docComment(`\`<${el.tagName}>\`: ${el.description}`).trimEnd(),
      `export declare const ${el.componentName}: ReactWebComponent<`,
      `  ${el.className}Element,`,
      `  {`,
      ...events,
      `  }`,
      `>;`,
    ].join('\n');
  });
  const dts = `${GENERATED}
// A React component per element; also enables the bare <cl-*> tags in TSX.
import type {} from '@clienteling/elements/react-jsx.js';
import type { EventName, ReactWebComponent } from '@lit/react';
${elements.map((el) => `import type { ${el.className} as ${el.className}Element } from '${el.module}';`).join('\n')}

${declarations.join('\n\n')}
`;
  return { js, dts };
}

// --- Editors ------------------------------------------------------------------------------------

function vscodeData(elements) {
  return {
    $schema: 'https://raw.githubusercontent.com/microsoft/vscode-html-languageservice/main/docs/customData.schema.json',
    version: 1.1,
    tags: elements.map((el) => ({
      name: el.tagName,
      description: el.description,
      attributes: el.attributes.map((a) => {
        const values = literalValues(a.type);
        return {
          name: a.name,
          description: a.description,
          ...(values.length ? { values: values.map((name) => ({ name })) } : {}),
          ...(a.type === 'boolean' ? { valueSet: 'v' } : {}),
        };
      }),
      references: el.docsUrl ? [{ name: 'Documentation', url: el.docsUrl }] : [],
    })),
  };
}

function webTypes(elements, pkg) {
  return {
    $schema: 'https://json.schemastore.org/web-types',
    name: pkg.name,
    version: pkg.version,
    'description-markup': 'markdown',
    contributions: {
      html: {
        elements: elements.map((el) => ({
          name: el.tagName,
          description: el.description,
          'doc-url': el.docsUrl,
          attributes: el.attributes.map((a) => ({
            name: a.name,
            description: a.description,
            value: { type: a.type ?? 'string' },
          })),
          slots: el.slots.map((s) => ({ name: s.name, description: s.description ?? '' })),
          events: el.events.map((e) => ({ name: e.name, description: e.description })),
          js: {
            properties: el.properties.map((p) => ({ name: p.name, description: p.description, type: p.type })),
            events: el.events.map((e) => ({ name: e.name, description: e.description })),
          },
        })),
      },
      css: {
        properties: elements.flatMap((el) =>
          el.cssProperties.map((p) => ({ name: p.name, description: p.description })),
        ),
        parts: elements.flatMap((el) => el.cssParts.map((p) => ({ name: p.name, description: p.description }))),
      },
    },
  };
}

/** The all-in-one package's manifest: every element's module, its path prefixed with its package. */
function mergedManifest(elements) {
  const modules = new Map();
  for (const el of elements) {
    const path = `${el.packageName}/${el.manifestPath}`;
    if (!modules.has(path)) modules.set(path, { kind: 'javascript-module', path, declarations: [], exports: [] });
    const mod = modules.get(path);
    mod.declarations.push(el.declaration);
    mod.exports.push(
      { kind: 'js', name: el.className, declaration: { name: el.className, package: el.module } },
      { kind: 'custom-element-definition', name: el.tagName, declaration: { name: el.className, package: el.module } },
    );
  }
  return { schemaVersion: '1.0.0', readme: '', modules: [...modules.values()] };
}

const json = (value) => `${JSON.stringify(value, null, 2)}\n`;

export function generate() {
  const elements = collectElements();
  const elementsPkg = readJson(join(ELEMENTS_DIR, 'package.json'));
  mkdirSync(join(ELEMENTS_DIR, 'dist'), { recursive: true });
  mkdirSync(join(REACT_DIR, 'dist'), { recursive: true });
  const emptyModule = `${GENERATED}\n// Types only: see the .d.ts next to this file.\nexport {};\n`;
  const files = {
    [join(ELEMENTS_DIR, 'custom-elements.json')]: json(mergedManifest(elements)),
    [join(ELEMENTS_DIR, 'dist/react-jsx.d.ts')]: reactJsx(elements),
    [join(ELEMENTS_DIR, 'dist/react-jsx.js')]: emptyModule,
    [join(ELEMENTS_DIR, 'dist/vue.d.ts')]: vueTypes(elements),
    [join(ELEMENTS_DIR, 'dist/vue.js')]: emptyModule,
    [join(ELEMENTS_DIR, 'dist/vscode.html-custom-data.json')]: json(vscodeData(elements)),
    [join(ELEMENTS_DIR, 'dist/web-types.json')]: json(webTypes(elements, elementsPkg)),
    [join(REACT_DIR, 'dist/index.js')]: reactWrappers(elements).js,
    [join(REACT_DIR, 'dist/index.d.ts')]: reactWrappers(elements).dts,
  };
  for (const [file, content] of Object.entries(files)) writeFileSync(file, content);
  return { elements, files: Object.keys(files) };
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const { elements, files } = generate();
  console.log(`✔ ${files.length} files for ${elements.length} elements (${elements.map((e) => e.tagName).join(', ')})`);
}
