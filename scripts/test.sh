#!/usr/bin/env bash
# `npm test`: installs what the tests need (Debian's chromium and postgresql when missing), then
# type-check, lint, unit, integration tests on both engines and browser tests (against a
# production build). Ends with one line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/environment.sh
mkdir -p .tmp

install_dependencies || exit 1
if [ ! -x /usr/bin/chromium ]; then
  echo "==> Installing Debian's chromium for the browser tests"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null || { echo "Could not install chromium"; exit 1; }
fi

echo "==> Starting a throwaway PostgreSQL cluster for the tests (.tmp/postgres)"
LEADGATE_TEST_POSTGRES_URL="$(bash scripts/postgres-cluster.sh start)" || { echo "Could not start PostgreSQL"; exit 1; }
export LEADGATE_TEST_POSTGRES_URL
trap 'bash scripts/postgres-cluster.sh stop' EXIT

failed_steps=()
step() {
  local name="$1"; shift
  echo ""
  echo "==> $name"
  "$@" || failed_steps+=("$name")
}

rm -f .tmp/unit-results.json .tmp/integration-results.json .tmp/multi-instance-results.json .tmp/e2e-results.json
step "Type-check" npx tsc --noEmit
step "Lint" npx eslint --max-warnings 0 .
step "Unit tests" npx vitest run --project unit --reporter=default --reporter=json --outputFile.json=.tmp/unit-results.json
step "Integration tests (SQLite and PostgreSQL)" npx vitest run --project integration --project integration-postgres --reporter=default --reporter=json --outputFile.json=.tmp/integration-results.json
step "Production build" npx next build
if [[ ! " ${failed_steps[*]} " =~ " Production build " ]]; then
  step "Two instances on PostgreSQL" npx vitest run --project multi-instance --reporter=default --reporter=json --outputFile.json=.tmp/multi-instance-results.json
  step "Browser tests" npx playwright test
fi

echo ""
node scripts/test-summary.mjs "${failed_steps[@]}"
