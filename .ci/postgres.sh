#!/usr/bin/env bash
# Installs PostgreSQL from Debian's packages if missing, starts it, creates a `tracker` role that
# may create databases and roles, and prints the URL for TRACKER_TEST_POSTGRES_URL on stdout.
# Every step is idempotent and additive: run it again on a server already in use.
set -euo pipefail
log() { echo "postgres.sh: $*" >&2; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  log "installing postgresql from Debian's packages"
  as_root apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq postgresql >&2
fi
version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | grep -q "^$version main$"; then
  as_root pg_createcluster "$version" main >&2
fi
if ! pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $4}' | grep -q online; then
  as_root pg_ctlcluster "$version" main start >&2
fi
port=$(pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $3}')
for _ in $(seq 1 30); do
  as_root su postgres -c "psql -p $port -Atqc 'select 1'" >/dev/null 2>&1 && break
  sleep 1
done
as_root su postgres -c "psql -p $port -Atqc \"SELECT 1 FROM pg_roles WHERE rolname='tracker'\"" | grep -q 1 ||
  as_root su postgres -c "psql -p $port -qc \"CREATE ROLE tracker LOGIN CREATEDB PASSWORD 'tracker'\"" >&2
# The tests set up the app's role beside the owner (`tracker db setup-roles`), which creates roles.
as_root su postgres -c "psql -p $port -qc 'ALTER ROLE tracker CREATEROLE'" >&2
# Test databases are dropped WITH (FORCE), which may have to end an autovacuum worker.
as_root su postgres -c "psql -p $port -qc 'GRANT pg_signal_backend TO tracker'" >&2
as_root su postgres -c "psql -p $port -Atqc \"SELECT 1 FROM pg_database WHERE datname='tracker'\"" | grep -q 1 ||
  as_root su postgres -c "createdb -p $port -O tracker tracker" >&2
echo "postgresql+psycopg://tracker:tracker@127.0.0.1:$port/tracker"
