#!/usr/bin/env bash
# Fuzzes every operation of the JSON API with schemathesis against a live server (gunicorn, as
# in production) on a fresh database seeded with the demo newsroom and a token of every scope.
# Fails on any 5xx, on any response that breaks the OpenAPI document, and on every other check
# schemathesis has (a request that breaks the document accepted, auth ignored, a deleted or
# unknown resource answered, a method not described accepted ...) except one:
# positive_data_acceptance, as a request the document allows may still be refused by the service
# for reasons no schema states (a duplicate article, a stale version, an unknown cursor).
#   bash tests/api_fuzz.sh                     SQLite in a temporary folder
#   bash tests/api_fuzz.sh --postgres         a fresh database on TRACKER_TEST_POSTGRES_URL's server
#   API_FUZZ_EXAMPLES=N (default 25) examples per operation and phase; API_FUZZ_SEED fixes the data.
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
server=""
pg_database=""
# create or drop a PostgreSQL database beside TRACKER_TEST_POSTGRES_URL's: pg_admin create|drop NAME
pg_admin() {
  .venv/bin/python - "$1" "$2" <<'PY'
import os, sys
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
action, name = sys.argv[1], sys.argv[2]
url = os.environ["TRACKER_TEST_POSTGRES_URL"]
with create_engine(url, isolation_level="AUTOCOMMIT").connect() as conn:
    if action == "create":
        conn.execute(text(f'CREATE DATABASE "{name}"'))
        print(make_url(url).set(database=name).render_as_string(hide_password=False))
    else:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
PY
}
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  if [ -n "$pg_database" ]; then pg_admin drop "$pg_database" || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

export TRACKER_INSTANCE_PATH="$work"
if [ "${1:-}" = "--postgres" ]; then
  pg_database="trk_api_fuzz_$$"
  TRACKER_DATABASE_URL="$(pg_admin create "$pg_database")"
  echo "== API fuzz (schemathesis) on PostgreSQL =="
else
  TRACKER_DATABASE_URL="sqlite:///$work/fuzz.sqlite3"
  echo "== API fuzz (schemathesis) on SQLite =="
fi
export TRACKER_DATABASE_URL
export TRACKER_AUDIT_KEY="api-fuzz-audit-key"
export TRACKER_SECRET_KEY="api-fuzz-secret-key"
export TRACKER_API_LIMITS="1000000/minute"  # the fuzzer, not the limit, is under test
export TRACKER_LOG_LEVEL="WARNING"
.venv/bin/tracker db upgrade >/dev/null
.venv/bin/tracker demo >/dev/null
token="$(.venv/bin/tracker token create --email editor@example.org --name api-fuzz \
  --scope read --scope review --scope ingest)"
port="$(.venv/bin/python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
# gunicorn as `tracker serve` runs it (gthread), with no limit on the request line: an over-long
# URL would otherwise be answered by gunicorn itself (414, HTML), before the app.
.venv/bin/gunicorn --bind "127.0.0.1:$port" --workers 2 --worker-class gthread --threads 4 \
  --limit-request-line 0 "tracker:create_app()" >"$work/server.log" 2>&1 &
server=$!

status=0
venv="$PWD/.venv"
# run from the temporary folder: schemathesis keeps its cache (.schemathesis/) in the current one
(cd "$work" && "$venv/bin/schemathesis" run "http://127.0.0.1:$port/api/openapi.json" \
  --wait-for-schema 60 \
  --header "Authorization: Bearer $token" \
  --checks all --exclude-checks positive_data_acceptance \
  --phases examples,coverage,fuzzing,stateful \
  --max-examples "${API_FUZZ_EXAMPLES:-25}" \
  --seed "${API_FUZZ_SEED:-20261129}" \
  --workers 1 \
  --no-shrink \
  --request-timeout 30 \
  --report junit --report-dir "$work/report" \
  --output-truncate true) || status=$?
if [ "$status" -ne 0 ]; then
  echo "== server log (last 60 lines) =="
  tail -n 60 "$work/server.log"
fi
exit "$status"
