#!/usr/bin/env bash
# Fuzzes every operation of the JSON API with schemathesis against a live server (gunicorn, as
# in production) on a fresh database seeded with the demo newsroom and a token of every scope.
# Fails on any 5xx and on any response that breaks the OpenAPI document.
#   bash tests/api_fuzz.sh                     SQLite in a temporary folder
#   TRACKER_FUZZ_DATABASE_URL=postgresql+psycopg://... bash tests/api_fuzz.sh   an empty database
#   API_FUZZ_EXAMPLES=N (default 25) examples per operation and phase; API_FUZZ_SEED fixes the data.
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

export TRACKER_INSTANCE_PATH="$work"
export TRACKER_DATABASE_URL="${TRACKER_FUZZ_DATABASE_URL:-sqlite:///$work/fuzz.sqlite3}"
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
.venv/bin/schemathesis run "http://127.0.0.1:$port/api/openapi.json" \
  --wait-for-schema 60 \
  --header "Authorization: Bearer $token" \
  --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance,negative_data_rejection,unsupported_method \
  --phases examples,coverage,fuzzing \
  --max-examples "${API_FUZZ_EXAMPLES:-25}" \
  --seed "${API_FUZZ_SEED:-20261129}" \
  --workers 1 \
  --no-shrink \
  --request-timeout 30 \
  --report junit --report-dir "$work/report" \
  --output-truncate true || status=$?
if [ "$status" -ne 0 ]; then
  echo "== server log (last 60 lines) =="
  tail -n 60 "$work/server.log"
fi
exit "$status"
