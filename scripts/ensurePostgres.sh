#!/usr/bin/env bash
# Makes sure the PostgreSQL server binaries the store tests start a throwaway cluster with are on the machine:
# Debian's postgresql package (initdb, pg_ctl under /usr/lib/postgresql/<major>/bin). Installs it with apt-get
# when run as root; otherwise says what to install. The tests never connect to a database they did not start.
set -euo pipefail
if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing postgresql for the PostgreSQL store tests (about a minute)…" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # The package's own cluster is not wanted: the tests create theirs in temp directories.
  apt-get install -y -qq postgresql >/dev/null
  exit 0
fi
echo "the PostgreSQL store tests need Debian's postgresql: sudo apt-get install -y postgresql (they are skipped without it, except under CI=true)" >&2
if [ "${CI:-}" = "true" ]; then exit 1; fi
exit 0
