// The adapter conformance suite: prove that an adapter implements the contract's behaviour.
import { conformanceCases, type ConformanceOptions } from './cases.js';

export {
  conformanceCases,
  ConformanceError,
  type ConformanceCase,
  type ConformanceContext,
  type ConformanceOptions,
  type Harness,
} from './cases.js';
export { createTestClock, type TestClock } from './clock.js';
export { CONFORMANCE_START, conformanceDataset, ids as conformanceIds } from './dataset.js';

/** The mocha (or compatible) functions the suite registers with; the globals by default. */
export interface TestRegistrar {
  describe(name: string, body: () => void): void;
  it(name: string, body: () => Promise<void>): void;
}

/**
 * Registers every conformance case as a mocha test: one `describe` per area of the contract inside
 * `describe('<name> conforms to the adapter contract')`.
 */
export function runAdapterConformance(
  options: ConformanceOptions,
  registrar: TestRegistrar = globalThis as unknown as TestRegistrar,
): void {
  const cases = conformanceCases(options);
  registrar.describe(`${options.name} conforms to the adapter contract`, () => {
    for (const group of [...new Set(cases.map((c) => c.group))])
      registrar.describe(group, () => {
        for (const conformanceCase of cases.filter((inGroup) => inGroup.group === group))
          registrar.it(conformanceCase.name, () => conformanceCase.run());
      });
  });
}
