#!/usr/bin/env bash
# The production server the browser tests run against, on a fresh demo database.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/environment.sh

export DATABASE_URL="file:$PWD/.tmp/e2e.db"
export NEXTAUTH_SECRET="browser-tests-only-secret-0123456789abcdef"
export NEXTAUTH_URL="http://localhost:${PORT:-3100}"
rm -f .tmp/e2e.db .tmp/e2e.db-wal .tmp/e2e.db-shm
npm run --silent db:setup >/dev/null
PORT="${PORT:-3100}" exec node server.mjs
