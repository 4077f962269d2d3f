#!/usr/bin/env bash
# Checks for PostgreSQL 15+ server binaries (the tests start a private server from them);
# installs Debian's package as root, else prints the command. Usage: tools/postgres.sh
set -euo pipefail
min=15
for dir in ${BODYMAP_PG_BINDIR:-/usr/lib/postgresql/*/bin}; do
    version="$(basename "$(dirname "$dir")")"
    if [ -x "$dir/initdb" ] && { [ -n "${BODYMAP_PG_BINDIR:-}" ] || [ "$version" -ge "$min" ] 2>/dev/null; }; then
        exit 0
    fi
done

cmd="apt-get install -y --no-install-recommends postgresql"
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1 && [ -z "${BODYMAP_SYSLIBS_DRY_RUN:-}" ]; then
    echo "bodymap: installing the PostgreSQL server for the clinic-server tests"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive $cmd >/dev/null
else
    echo "bodymap: the tests need PostgreSQL $min or newer (server binaries), which is missing" >&2
    echo "Install it with:  sudo $cmd" >&2
    exit 1
fi
