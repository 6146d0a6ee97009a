// The GitHub Action (action.yml, scripts/action.sh) run as a runner runs it:
// the INPUT_* variables the composite action maps, GITHUB_ACTION_PATH,
// GITHUB_WORKSPACE as the working directory, GITHUB_OUTPUT and
// GITHUB_STEP_SUMMARY files. `npx speclint` is this repository's package
// (SPECLINT_COMMAND), so nothing is downloaded.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { pkg, repo } from "./helpers.js";

const work = mkdtempSync(join(tmpdir(), "speclint-action-"));
after(() => rmSync(work, { recursive: true, force: true }));
const workspace = join(work, "repo");
cpSync(join(repo, "tests", "family"), workspace, { recursive: true });

function action(inputs) {
  const output = join(work, "output");
  const summary = join(work, "summary");
  writeFileSync(output, "");
  writeFileSync(summary, "");
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: "true",
    CI: "true",
    GITHUB_ACTION_PATH: repo,
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: summary,
    RUNNER_TEMP: work,
    SPECLINT_COMMAND: `${process.execPath} ${join(pkg, "bin", "speclint.js")}`,
    INPUT_PATHS: inputs.paths ?? ".",
    INPUT_CONFIG: inputs.config ?? "",
    INPUT_FAIL_ON: inputs.failOn ?? "error",
    INPUT_SARIF: inputs.sarif ?? "",
    INPUT_VERSION: "latest",
  };
  const r = spawnSync("bash", [join(repo, "scripts", "action.sh")], { cwd: workspace, env, encoding: "utf8" });
  return { ...r, output: readFileSync(output, "utf8"), summary: readFileSync(summary, "utf8") };
}

test("action.yml maps every input to the script's environment", () => {
  const yml = readFileSync(join(repo, "action.yml"), "utf8");
  for (const input of ["paths", "config", "fail-on", "sarif", "version"]) {
    assert.match(yml, new RegExp(`^  ${input}:$`, "m"), `input ${input}`);
    const env = `INPUT_${input.toUpperCase().replace("-", "_")}`;
    assert.match(yml, new RegExp(`${env}: \\$\\{\\{ inputs\\.${input} \\}\\}`), env);
  }
  assert.match(yml, /using: composite/);
  assert.match(yml, /run: bash "\$GITHUB_ACTION_PATH\/scripts\/action\.sh"/);
});

test("valid documents pass with annotations for the warnings; fail-on: warning fails on them", () => {
  let r = action({ paths: "docs" });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^::warning file=docs\/platform\/checkout-hosting\.md,line=\d+,col=\d+,.*title=ST007 near-miss-heading::/m);
  assert.doesNotMatch(r.stdout, /^::error /m);
  assert.match(r.summary, /no findings fail this check \(fail-on: error\)/);
  r = action({ paths: "docs", failOn: "warning" });
  assert.equal(r.status, 1);
  assert.match(r.summary, /findings fail this check \(fail-on: warning\)/);
});

test("an invalid document fails the step with error annotations; fail-on: never reports and passes", () => {
  let r = action({ paths: "docs defects/payments-hosting.md" });
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stdout, /^::error file=defects\/payments-hosting\.md,line=5,col=9,.*title=FM008 value-not-allowed::/m);
  r = action({ paths: "defects/payments-hosting.md", failOn: "never" });
  assert.equal(r.status, 0);
  assert.match(r.stdout, /^::error file=defects\/payments-hosting\.md/m);
});

test("sarif: the findings as SARIF 2.1.0, named in the step's outputs", () => {
  const r = action({ paths: "defects/payments-hosting.md", sarif: "speclint.sarif" });
  assert.equal(r.status, 1);
  const sarif = JSON.parse(readFileSync(join(workspace, "speclint.sarif"), "utf8"));
  assert.equal(sarif.version, "2.1.0");
  const ids = sarif.runs[0].results.map((x) => x.ruleId);
  assert.ok(ids.includes("FM008"), ids.join(" "));
  assert.match(r.output, /^sarif=speclint\.sarif$/m);
});

test("a bad fail-on stops with a clear annotation, and config names the config file", () => {
  let r = action({ failOn: "sometimes" });
  assert.equal(r.status, 2);
  assert.match(r.stdout, /^::error title=speclint action::fail-on must be error, warning or never, not 'sometimes'$/m);
  writeFileSync(join(workspace, "other.yaml"), "rules: { ST007: off }\ntemplates: [\"templates/specs/*.md\"]\nexclude: [\"defects/**\"]\n");
  r = action({ paths: "docs", config: "other.yaml" });
  assert.equal(r.status, 0, r.stderr);
  assert.doesNotMatch(r.stdout, /ST007/);
});
