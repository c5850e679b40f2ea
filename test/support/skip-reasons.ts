/**
 * A vitest reporter that ends the run by saying which tests were skipped and why (the note of
 * `ctx.skip(condition, note)`). The default reporter only counts skipped tests, so a checkout
 * without ../shared/seeds would pass quietly without the citation checks.
 */
import type { Reporter, TestModule } from 'vitest/node';

export default class SkipReasons implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const byNote = new Map<string, string[]>();
    for (const module of testModules) {
      for (const test of module.children.allTests('skipped')) {
        const result = test.result();
        const note = result.state === 'skipped' ? result.note : undefined;
        if (!note) continue;
        byNote.set(note, [...(byNote.get(note) ?? []), `${module.relativeModuleId} › ${test.fullName}`]);
      }
    }
    if (byNote.size === 0) return;
    const lines = ['', 'Overgeslagen tests:'];
    for (const [note, tests] of byNote) {
      lines.push(`  ${note} (${tests.length}):`);
      for (const name of tests.slice(0, 10)) lines.push(`    - ${name}`);
      if (tests.length > 10) lines.push(`    … en ${tests.length - 10} meer`);
    }
    process.stdout.write(`${lines.join('\n')}\n`);
  }
}
