#!/usr/bin/env node
/*
 * Reads the jest JSON report of `make unit` and prints how many test cases ran on PostgreSQL
 * (Backstage's TestDatabases names them by database id, e.g. "POSTGRES_15"). When
 * BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING is set, as in CI, zero PostgreSQL cases
 * means the suites were silently skipped: that fails the run.
 */
const fs = require('fs');

const file = process.argv[2];
if (!file || !fs.existsSync(file)) {
  console.error(`count-postgres-cases: no jest report at ${file}`);
  process.exit(1);
}
const report = JSON.parse(fs.readFileSync(file, 'utf8'));
const counts = { passed: 0, failed: 0, skipped: 0 };
for (const suite of report.testResults ?? []) {
  for (const result of suite.assertionResults ?? []) {
    const name = [...(result.ancestorTitles ?? []), result.title].join(' ');
    if (!/POSTGRES/i.test(name)) continue;
    if (result.status === 'passed') counts.passed++;
    else if (result.status === 'failed') counts.failed++;
    else counts.skipped++;
  }
}
const total = report.numTotalTests ?? 0;
console.log(
  `PostgreSQL cases: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped (of ${total} test cases in all)`,
);
if (process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING) {
  if (counts.passed === 0) {
    console.error(
      'BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING is set but no PostgreSQL case passed: the PostgreSQL suites did not run',
    );
    process.exit(1);
  }
  if (counts.skipped > 0) {
    console.error(
      `${counts.skipped} PostgreSQL cases were skipped although the connection string is set`,
    );
    process.exit(1);
  }
} else {
  console.log(
    'PostgreSQL: SKIPPED (no connection string and no server at 127.0.0.1:5432)',
  );
}
