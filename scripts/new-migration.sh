#!/usr/bin/env bash
# npm run db:migration -- NAME: after a change to prisma/schema.prisma, writes the migration for
# both engines (SQLite in prisma/migrations, PostgreSQL in prisma/postgres/migrations) and the
# PostgreSQL schema. The PostgreSQL side is diffed on a throwaway cluster (scripts/postgres-cluster.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/environment.sh
name="${1:?usage: npm run db:migration -- NAME}"
stamp="$(date -u +%Y%m%d%H%M%S)"

npx tsx scripts/postgres-schema.ts
mkdir -p .tmp
rm -f .tmp/migration-base.db*
# migrate dev diffs the schema against a database at the last migration.
DATABASE_URL="file:$PWD/.tmp/migration-base.db" npx prisma migrate deploy >/dev/null
# Prisma 6.19's JS engine may fail on its way out ("null pointer passed to rust") after writing
# the migration: what counts is that the folder exists.
DATABASE_URL="file:$PWD/.tmp/migration-base.db" npx prisma migrate dev --create-only --skip-generate --name "$name" || true
rm -f .tmp/migration-base.db*
ls -d prisma/migrations/*_"$name" >/dev/null || { echo "No SQLite migration was written"; exit 1; }

admin_url="$(bash scripts/postgres-cluster.sh start)"
folder="prisma/postgres/migrations/${stamp}_${name}"
mkdir -p "$folder"
DATABASE_URL="$admin_url" npx prisma migrate diff --config prisma/postgres/prisma.config.ts \
  --from-migrations prisma/postgres/migrations --to-schema-datamodel prisma/postgres/schema.prisma --script > "$folder/migration.sql"
echo "Wrote $folder/migration.sql"
npm run --silent db:generate >/dev/null
