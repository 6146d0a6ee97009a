#!/usr/bin/env bash
# The step of action.yml: runs `npx speclint check` as a GitHub runner would,
# from the inputs in INPUT_* (the composite action maps them). Findings are
# printed as workflow commands (`--format github`: annotations); with
# INPUT_SARIF, the same run's findings are also written as SARIF. The exit
# code is speclint's: which findings fail is its `--fail-on`, not this script's.
# SPECLINT_COMMAND replaces `npx --yes speclint@VERSION` (tests run the
# package from this repository).
set -euo pipefail

paths=()
read -r -d '' -a paths <<<"${INPUT_PATHS:-.}" || true
[ ${#paths[@]} -gt 0 ] || paths=(.)
fail_on="${INPUT_FAIL_ON:-error}"
case "$fail_on" in
  error | warning | never) ;;
  *)
    echo "::error title=speclint action::fail-on must be error, warning or never, not '${fail_on//[$'\r\n%']/ }'"
    exit 2
    ;;
esac
args=(check)
if [ -n "${INPUT_CONFIG:-}" ]; then
  args+=(--config "$INPUT_CONFIG")
fi

if [ -n "${SPECLINT_COMMAND:-}" ]; then
  read -r -a speclint <<<"$SPECLINT_COMMAND"
else
  speclint=(npx --yes "speclint@${INPUT_VERSION:-latest}")
fi

status=0
"${speclint[@]}" "${args[@]}" --fail-on "$fail_on" --format github -- "${paths[@]}" || status=$?

if [ -n "${INPUT_SARIF:-}" ]; then
  # The SARIF run never fails the step by itself: the annotated run decides.
  sarif_status=0
  "${speclint[@]}" "${args[@]}" --fail-on never --format sarif -- "${paths[@]}" >"$INPUT_SARIF" || sarif_status=$?
  if [ "$sarif_status" -ne 0 ]; then
    echo "::warning title=speclint action::could not write the SARIF file (exit $sarif_status)"
  elif [ -n "${GITHUB_OUTPUT:-}" ]; then
    echo "sarif=$INPUT_SARIF" >>"$GITHUB_OUTPUT"
  fi
fi

if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  case "$status" in
    0) echo "speclint: no findings fail this check (fail-on: $fail_on)" >>"$GITHUB_STEP_SUMMARY" ;;
    1) echo "speclint: findings fail this check (fail-on: $fail_on); see the annotations" >>"$GITHUB_STEP_SUMMARY" ;;
    *) echo "speclint: the check could not run (exit $status)" >>"$GITHUB_STEP_SUMMARY" ;;
  esac
fi
exit "$status"
