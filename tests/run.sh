#!/usr/bin/env bash
# Runs the suite on SQLite, then again on PostgreSQL when TRACKER_TEST_POSTGRES_URL is set.
set -uo pipefail
cd "$(dirname "$0")/.."
status=0
echo "== test suite on SQLite =="
.venv/bin/pytest -p no:cacheprovider "$@" || status=$?
if [ -n "${TRACKER_TEST_POSTGRES_URL:-}" ]; then
  echo "== test suite on PostgreSQL =="
  # the extractor touches no database: its tests run once
  TRACKER_TEST_DATABASE=postgres .venv/bin/pytest -p no:cacheprovider --ignore=tests/unit/extract "$@" || status=$?
else
  echo "TRACKER_TEST_POSTGRES_URL is not set: PostgreSQL run skipped"
fi
# The JSON API fuzzed live by schemathesis (whole runs only: not when pytest got arguments).
if [ "$#" -eq 0 ]; then
  bash tests/api_fuzz.sh || status=$?
  if [ -n "${TRACKER_TEST_POSTGRES_URL:-}" ]; then
    bash tests/api_fuzz.sh --postgres || status=$?
  fi
fi
exit $status
