#!/usr/bin/env bash
# Back up the shop's database to one compressed file that deploy/restore.sh reads back.
# Usage: deploy/backup.sh DATABASE [FILE]
#   DATABASE  a URL (postgres://user:pass@host:5432/ohmylot) or a libpq "key=value" string
#   FILE      defaults to ohmylot-<UTC date and time>.dump in the current folder
# PG_BIN, when set, is the folder of the PostgreSQL client tools to use: pg_dump refuses a server
# newer than itself, so take the tools of the server's version.
# The dump is consistent (one snapshot) and taken while the shop keeps running.
set -euo pipefail
database="${1:?usage: deploy/backup.sh DATABASE [FILE]}"
file="${2:-ohmylot-$(date -u +%Y%m%d-%H%M%S).dump}"
"${PG_BIN:+$PG_BIN/}pg_dump" --format=custom --no-owner --no-privileges --dbname="$database" --file="$file"
echo "$file"
