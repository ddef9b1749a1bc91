#!/usr/bin/env bash
# Restore a dump made by deploy/backup.sh into an EXISTING, EMPTY database.
# Usage: deploy/restore.sh FILE DATABASE
#   createdb -h HOST -U postgres ohmylot_restored && deploy/restore.sh shop.dump postgres://...
# One transaction: on any error nothing is restored. Roles and grants are not in the dump
# (--no-owner): the objects belong to the user the restore connects as.
# PG_BIN, when set, is the folder of the PostgreSQL client tools to use (see backup.sh).
set -euo pipefail
file="${1:?usage: deploy/restore.sh FILE DATABASE}"
database="${2:?usage: deploy/restore.sh FILE DATABASE}"
"${PG_BIN:+$PG_BIN/}pg_restore" --no-owner --no-privileges --exit-on-error --single-transaction \
    --dbname="$database" "$file"
