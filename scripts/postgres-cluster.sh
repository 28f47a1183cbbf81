#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests and benchmarks, never the system's own:
#   bash scripts/postgres-cluster.sh start   installs Debian's postgresql if no server is found,
#                                            starts a cluster in .tmp/postgres on its own port and
#                                            prints its admin URL (postgresql://…/postgres)
#   bash scripts/postgres-cluster.sh stop    stops it (the files stay for the next start)
#   bash scripts/postgres-cluster.sh url     prints the URL of the running cluster
# LEADGATE_PG_PORT picks the port (55432 by default), LEADGATE_PG_DIR the folder (.tmp/postgres),
# LEADGATE_PG_OPTIONS the server's settings (the tests' default trades durability for speed; the
# benchmarks pass an empty value to measure the server as shipped).
set -euo pipefail
cd "$(dirname "$0")/.."

DIR="${LEADGATE_PG_DIR:-$PWD/.tmp/postgres}"
DATA="$DIR/data"

url_of() { echo "postgresql://postgres@127.0.0.1:$1/postgres"; }

# The port a running cluster listens on: the fourth line of its postmaster.pid.
running_port() { [ -s "$DATA/postmaster.pid" ] && sed -n 4p "$DATA/postmaster.pid"; }

port_in_use() { (echo >"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# The port asked for, or the next free one when something else (another checkout's cluster) has it.
free_port() {
  local port="${LEADGATE_PG_PORT:-55432}"
  while port_in_use "$port"; do port=$((port + 1)); done
  echo "$port"
}

find_bin() {
  if command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1; then
    dirname "$(command -v pg_ctl)"
    return
  fi
  local latest
  latest="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
  [ -n "$latest" ] && [ -x "$latest/pg_ctl" ] && echo "$latest"
}

install_server() {
  echo "==> Installing Debian's postgresql for the tests" >&2
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null
}

# initdb and the server refuse to run as root: as root, they run as the postgres user.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    chown -R postgres "$DIR"
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

start() {
  local bin
  bin="$(find_bin || true)"
  if [ -z "$bin" ]; then
    install_server
    bin="$(find_bin)"
  fi
  mkdir -p "$DIR"
  chmod 755 "$DIR"
  if [ ! -f "$DATA/PG_VERSION" ]; then
    as_owner "$bin/initdb" -D "$DATA" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  fi
  if as_owner "$bin/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
    url_of "$(running_port)"
    return
  fi
  local port
  port="$(free_port)"
  # Durability is not what the tests measure: fsync off keeps a test database's creation and
  # drop fast. Benchmarks start a cluster of their own with the defaults.
  as_owner "$bin/pg_ctl" -D "$DATA" -l "$DIR/server.log" -w -t 60 \
    -o "-p $port -k $DIR -c listen_addresses=127.0.0.1 -c max_connections=300 ${LEADGATE_PG_OPTIONS--c fsync=off -c synchronous_commit=off -c full_page_writes=off}" \
    start >/dev/null
  url_of "$port"
}

stop() {
  local bin
  bin="$(find_bin || true)"
  [ -n "$bin" ] && [ -f "$DATA/PG_VERSION" ] && as_owner "$bin/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null 2>&1 || true
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  url) port="$(running_port || true)"; [ -n "$port" ] && url_of "$port" || { echo "No cluster runs in $DIR" >&2; exit 1; } ;;
  *) echo "usage: $0 start|stop|url" >&2; exit 2 ;;
esac
