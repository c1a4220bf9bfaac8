#!/usr/bin/env bash
# Starts a private Postgres cluster on 127.0.0.1:$PGPORT (default 54329) for tests and prints
# the DATABASE_URL. Installs Debian's postgresql when missing. Idempotent: a running cluster is reused.
set -euo pipefail
PGPORT="${PGPORT:-54329}"
PGROOT="${PGROOT:-/tmp/followup-coach-pg}"

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "installing Debian's postgresql" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends postgresql >&2
fi
BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"

# initdb and pg_ctl refuse to run as root.
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

if [ "$(id -u)" = 0 ]; then mkdir -p "$PGROOT" && chown postgres:postgres "$PGROOT"; else mkdir -p "$PGROOT"; fi
if [ ! -f "$PGROOT/data/PG_VERSION" ]; then
  as_pg "$BIN/initdb" -D "$PGROOT/data" --auth=trust --username=postgres --encoding=UTF8 --locale=C.UTF-8 >&2
fi
if ! as_pg "$BIN/pg_ctl" -D "$PGROOT/data" status >/dev/null 2>&1; then
  # fsync off: test data is throwaway, and it makes the suite much faster.
  as_pg "$BIN/pg_ctl" -D "$PGROOT/data" -l "$PGROOT/server.log" -w -t 60 start \
    -o "-c listen_addresses=127.0.0.1 -p $PGPORT -c unix_socket_directories=$PGROOT -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" >&2
fi
for _ in $(seq 1 30); do
  "$BIN/pg_isready" -h 127.0.0.1 -p "$PGPORT" -q && break
  sleep 1
done
"$BIN/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -tAc "select 1 from pg_database where datname='followup_coach'" | grep -q 1 ||
  "$BIN/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -qc "create database followup_coach" >&2
echo "postgres://postgres@127.0.0.1:$PGPORT/followup_coach"
