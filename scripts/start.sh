#!/usr/bin/env bash
# `npm start`: serves an app that is already built and a database that is already migrated, as an
# extra instance does (no install, build, migration or seed). Same settings as `npm run app`;
# NEXTAUTH_SECRET and NEXTAUTH_URL must be the same on every instance behind one address.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/environment.sh

PORT="${PORT:-3000}"
[ -f .next/BUILD_ID ] || { echo "No build found: run npm run app (or npx next build) first."; exit 1; }
npm run --silent db:setup -- --check
if [ -z "${NEXTAUTH_SECRET:-}" ] && [ -s data/.nextauth-secret ]; then
  NEXTAUTH_SECRET="$(cat data/.nextauth-secret)"
  export NEXTAUTH_SECRET
fi
export NEXTAUTH_URL="${NEXTAUTH_URL:-http://localhost:$PORT}"
echo "==> Leadgate is starting on port $PORT (Ctrl+C stops it)"
# The same memory settings as npm run app (scripts/app.sh explains them).
export NODE_OPTIONS="--max-old-space-size=256${NODE_OPTIONS:+ $NODE_OPTIONS}"
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
PORT="$PORT" exec node server.mjs
