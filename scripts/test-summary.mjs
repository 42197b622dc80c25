// Adds up the per-package summaries the jest reporter wrote, and prints one closing line.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const summaries = ['apps', 'packages']
  .flatMap((group) =>
    existsSync(join(root, group)) ? readdirSync(join(root, group)).map((name) => join(root, group, name)) : [],
  )
  .map((dir) => join(dir, '.test-results', 'summary.json'))
  .filter((file) => existsSync(file))
  .map((file) => JSON.parse(readFileSync(file, 'utf8')));

if (summaries.length === 0) {
  console.error('No test results found: did any test run?');
  process.exit(1);
}
const total = { passed: 0, failed: 0, skipped: 0 };
console.log('\nTests per package:');
for (const s of summaries) {
  console.log(`  ${s.package.padEnd(22)} ${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped`);
  for (const suite of s.skippedSuites) {
    console.log(`    skipped suite: ${suite}`);
  }
  total.passed += s.passed;
  total.failed += s.failed;
  total.skipped += s.skipped;
}
console.log(`\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
if (total.passed === 0 || total.failed > 0) {
  process.exit(1);
}
