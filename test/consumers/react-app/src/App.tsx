// The React 19 consumer: the README's two React snippets (written into src/readme-*.tsx by the
// consumer test), and every element of @clienteling/elements rendered by its wrapper.
import { createElement } from 'react';
import manifest from '@clienteling/elements/custom-elements.json';
import { CustomerPanel as WithTags } from './readme-react-tags.js';
import { CustomerPanel as WithComponents } from './readme-react-components.js';

/** Every tag name the all-in-one package's manifest declares. */
/** The manifest's shape, as far as this app reads it. */
interface Manifest {
  modules: { declarations?: { tagName?: string }[] }[];
}
const tagNames = (manifest as Manifest).modules.flatMap((mod) =>
  (mod.declarations ?? []).flatMap((declaration) => (declaration.tagName ? [declaration.tagName] : [])),
);

export function App() {
  return (
    <>
      <section id="tags">
        <WithTags customerId="cust-0001" />
      </section>
      <section id="components">
        <WithComponents customerId="cust-0002" />
      </section>
      <section id="every-element">{tagNames.map((tagName) => createElement(tagName, { key: tagName }))}</section>
    </>
  );
}
