// Writes each package's test counts to .test-results/summary.json so that `npm test` can print
// one total, and turbo's cache can replay it.
const fs = require('node:fs');
const path = require('node:path');

class SummaryReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }

  onRunComplete(_contexts, results) {
    const skippedSuites = results.testResults
      .filter((suite) => suite.numPendingTests > 0 && suite.numPassingTests === 0)
      .map((suite) => {
        // The describe block's title carries the reason (see describeEventStoreContract).
        const pending = suite.testResults.find((test) => test.status === 'pending');
        const title = pending ? pending.ancestorTitles.join(' › ') : '';
        return `${path.relative(this.rootDir, suite.testFilePath)}${title ? `: ${title}` : ''}`;
      });
    const summary = {
      package: require(path.join(this.rootDir, 'package.json')).name,
      passed: results.numPassedTests,
      failed: results.numFailedTests,
      skipped: results.numPendingTests + results.numTodoTests,
      suites: results.numTotalTestSuites,
      skippedSuites,
    };
    const dir = path.join(this.rootDir, '.test-results');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
  }
}

module.exports = SummaryReporter;
