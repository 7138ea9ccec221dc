// Vitest reporter that ends the run with the plain line CI reads: "N passed, N failed, N skipped",
// after one line per skipped test with its full name, which says what it needs (tmux, aws, boto3 …),
// so a test that did not run is never mistaken for one that passed.
export default class PlainSummaryReporter {
  onTestRunEnd(testModules) {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    const skipped = [];
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') counts.passed += 1;
        else if (state === 'failed') counts.failed += 1;
        else {
          counts.skipped += 1;
          skipped.push(`skipped: ${module.moduleId.replace(`${process.cwd()}/`, '')} > ${test.fullName}`);
        }
      }
    }
    const lines = skipped.length > 0 ? `\n${skipped.join('\n')}` : '';
    process.stdout.write(`${lines}\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`);
  }
}
