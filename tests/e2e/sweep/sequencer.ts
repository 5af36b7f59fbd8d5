import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * The browser files in vitest's usual order, the sweep last: it then reads the demo as the other
 * files left it (more documents at more steps, so more pages), and it signs in the platform
 * administrators after login.test.ts has checked their first enrolment.
 */
export class SweepLast extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const isSweep = (f: TestSpecification) => /[\\/]sweep\.test\.ts$/.test(f.moduleId);
    return [...sorted.filter((f) => !isSweep(f)), ...sorted.filter(isSweep)];
  }
}
