# Shared by the npm scripts: settings every step needs, and the dependency install.
export npm_config_nodedir="${npm_config_nodedir:-/usr}"   # native builds use Node's own headers
export NEXT_TELEMETRY_DISABLED=1
export CHECKPOINT_DISABLE=1

install_dependencies() {
  echo "==> Installing dependencies"
  npm install --no-audit --no-fund --loglevel=error
  echo "==> Generating the database clients (SQLite and PostgreSQL)"
  npx prisma generate >/dev/null
  npx prisma generate --config prisma/postgres/prisma.config.ts >/dev/null
}
