#!/usr/bin/env bash
# `npm test`: every check CI runs, in order of cost, stopping at the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$1"; }

step 'lint the OpenAPI document (Redocly)'
# Redocly prints a boxed Node 20 deprecation notice on every run; the box is dropped.
lint_rc=0
lint_out=$(npx redocly lint spec/openapi.yaml --format=stylish 2>&1) || lint_rc=$?
printf '%s\n' "$lint_out" | grep -v -e '║' -e '╔' -e '╚' | sed '/^$/d'
[ "$lint_rc" -eq 0 ]

step 'generated spec and types are current'
npm run -s check:generated

step 'formatting (prettier)'
npx prettier --check . --log-level warn

step 'type-check (tsc --noEmit)'
npx tsc --noEmit -p .

step 'unit, contract and end-to-end tests (jest)'
npx jest --ci "$@"
