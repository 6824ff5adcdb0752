#!/usr/bin/env bash
# The package as a user installs it: build the wheel, install it into a fresh venv in a temporary
# folder and run it from another folder, with no source tree on the path: `tracker db upgrade`,
# `tracker demo`, `tracker extract`, then `tracker serve` on a free port and page requests (login
# page in English and Dutch, a static file, a logged-in article page). Called by `make test`.
# Downloads come from pip's cache after the first run.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
python=${PYTHON:-python3}
work=$(mktemp -d)
server=""
cleanup() {
  if [ -n "$server" ]; then
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
fail() {
  echo "wheel check FAILED: $*" >&2
  if [ -f "$work/server.log" ]; then tail -n 30 "$work/server.log" >&2; fi
  exit 1
}

echo "== wheel check: build, install into a fresh venv, run from $work/run =="
# Build from a copy of what the wheel is made of, so no stale build/ of the checkout leaks in.
mkdir -p "$work/src" "$work/run"
(cd "$root" && cp -R pyproject.toml setup.py README.md tracker templates migrations "$work/src/")
find "$work/src" -name __pycache__ -prune -exec rm -rf {} +
"$python" -m venv "$work/venv"
venv="$work/venv"
"$venv/bin/pip" wheel --quiet --quiet --no-deps --wheel-dir "$work/dist" "$work/src"
# Every file of the package, templates/ and migrations/ is in the wheel (any data file a later
# change adds, e.g. tracker/extract/*.json, included).
"$python" - "$work/src" "$work"/dist/tracker-*.whl <<'PY' || fail "files missing from the wheel"
import sys
import zipfile
from pathlib import Path

src = Path(sys.argv[1])
shipped = set(zipfile.ZipFile(sys.argv[2]).namelist())
wanted = {
    ("" if top == "tracker" else "tracker/") + path.relative_to(src).as_posix()
    for top in ("tracker", "templates", "migrations")
    for path in (src / top).rglob("*")
    if path.is_file() and "__pycache__" not in path.parts
}
missing = sorted(wanted - shipped)
if missing:
    sys.exit(f"not in the wheel: {', '.join(missing[:10])}")
print(f"the wheel holds all {len(wanted)} files of tracker/, templates/ and migrations/")
PY
rm -rf "$work/src"
"$venv/bin/pip" install --quiet --quiet "$work"/dist/tracker-*.whl

cd "$work/run"
# Nothing of the checkout or of the caller's settings: the installed package alone.
unset PYTHONPATH TRACKER_DATABASE_URL TRACKER_INSTANCE_PATH TRACKER_SECRET_KEY
tracker="$venv/bin/tracker"
"$venv/bin/python" -c 'import tracker, sys; sys.exit("site-packages" not in tracker.__file__)' ||
  fail "tracker is not imported from the installed wheel"

"$tracker" db upgrade
instance="$venv/var/tracker-instance"  # Flask's instance folder of an installed package
[ -f "$instance/tracker.sqlite3" ] || fail "no database in $instance"
"$tracker" demo
printf '\xef\xbb\xbfDe brug gaat volgens de provincie in mei dicht.\n' >brug.txt
"$tracker" extract --lang nl brug.txt | grep -q '"start": 0, "end": 47' ||
  fail "tracker extract gave other offsets"

port=$("$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$tracker" serve --host 127.0.0.1 --port "$port" --workers 1 >"$work/server.log" 2>&1 &
server=$!
"$python" - "$port" <<'EOF' || fail "page requests"
"""Page requests against the installed app; bounded in count and time."""
import http.cookiejar
import re
import sys
import time
import urllib.parse
import urllib.request

base = f"http://127.0.0.1:{sys.argv[1]}"
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))


def get(path, **headers):
    request = urllib.request.Request(base + path, headers=headers)
    with opener.open(request, timeout=10) as response:
        return response.status, response.read().decode("utf-8")


for _ in range(60):  # the server starts within 30 s or the check fails
    try:
        status, page = get("/login")
        break
    except OSError:
        time.sleep(0.5)
else:
    sys.exit("the server did not answer")
assert status == 200 and "Log in" in page, status
status, page = get("/login", **{"Accept-Language": "nl"})
assert status == 200 and "Inloggen" in page, "no Dutch translation"
status, _ = get("/static/tracker.css")
assert status == 200, "no static files"
token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
form = {"csrf_token": token, "email": "factchecker@example.org", "password": "demo-factchecker"}
data = urllib.parse.urlencode(form).encode()
with opener.open(base + "/login", data=data, timeout=10) as response:
    assert response.status == 200, response.status
status, page = get("/articles/1")
assert status == 200 and "Vrijwilligers uit tientallen landen" in page, "no article page"
print(f"pages: /login (en, nl), /static/tracker.css, /articles/1 as factchecker: 200")
EOF
grep -q "GET /articles/1 200" "$work/server.log" || fail "no request log line"
[ ! -e "$work/run/instance" ] || fail "an instance folder was made in the current directory"
echo "wheel check passed"
