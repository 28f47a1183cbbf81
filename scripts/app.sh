#!/usr/bin/env bash
# `npm run app`: install, build, migrate and seed (only an empty database), then serve.
# LEADGATE_DEMO=off starts without the demo leads and users; LEADGATE_ADMIN_EMAIL and
# LEADGATE_ADMIN_PASSWORD create the first admin (README, Configuration).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/environment.sh

PORT="${PORT:-3000}"
install_dependencies
echo "==> Checking settings"
npm run --silent db:setup -- --check   # a bad LEADGATE_* value stops here, not after the build

mkdir -p data
if [ -z "${NEXTAUTH_SECRET:-}" ]; then
  # Demo mode: a random secret kept beside the demo database, so sessions survive restarts.
  [ -s data/.nextauth-secret ] || node -e 'process.stdout.write(require("crypto").randomBytes(32).toString("base64"))' > data/.nextauth-secret
  NEXTAUTH_SECRET="$(cat data/.nextauth-secret)"
  export NEXTAUTH_SECRET
fi
export NEXTAUTH_URL="${NEXTAUTH_URL:-http://localhost:$PORT}"
if [ "${LEADGATE_DEMO:-on}" != "off" ] && [ -z "${LEADGATE_DEMO_WRITE_KEY:-}" ]; then
  # The demo site's tracking key: public by design and answering only this app's own pages.
  [ -s data/.demo-write-key ] || node -e 'process.stdout.write("lg_pub_demo_" + require("crypto").randomBytes(12).toString("base64url"))' > data/.demo-write-key
  LEADGATE_DEMO_WRITE_KEY="$(cat data/.demo-write-key)"
  export LEADGATE_DEMO_WRITE_KEY
fi

echo "==> Building"
npx next build
echo "==> Preparing the database"
npm run --silent db:setup
echo ""
echo "==> Leadgate is starting on $NEXTAUTH_URL (Ctrl+C stops it)"
# Left alone, V8 lets the heap grow toward a quarter of the machine's memory before collecting
# in earnest: 800 MB–1 GB resident under sustained load. 256 MB holds what the server keeps
# live, a 10 MB import included (BENCHMARKS.md, Soak); a NODE_OPTIONS of your own comes after, so it wins.
export NODE_OPTIONS="--max-old-space-size=256${NODE_OPTIONS:+ $NODE_OPTIONS}"
# glibc gives each thread that allocates its own memory pool and rarely hands a pool's free
# space back: every import's or re-score's thread left 40–50 MB behind. Two pools keep it.
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
PORT="$PORT" exec node server.mjs
