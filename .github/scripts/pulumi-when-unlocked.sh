#!/usr/bin/env bash
# Runs one Pulumi command (up, destroy, refresh) and, when the stack is locked by another
# operation, waits and runs it again, for at most --wait seconds. Nothing else is retried: a
# command that failed for any other reason may have changed resources, and its log says what.
#
#   pulumi-when-unlocked.sh [--wait SECONDS] [--poll SECONDS] -- up --stack dev --yes ...
#
# The lock messages are the ones Pulumi's Automation API maps to ConcurrentUpdateError
# (sdk/python/lib/pulumi/automation/errors.py): "[409] Conflict: Another update is currently in
# progress." from Pulumi Cloud, and "the stack is currently locked by" from a self-managed backend.
# Both are raised before the update starts. Previews take no lock on either backend
# (pulumi/pulumi#8642), so a pull request's preview or the drift check never causes this; another
# update, a person's `pulumi up`, or an update that died and left its lease does.
#
# Exit codes: Pulumi's own; 2 wrong usage; 75 the stack stayed locked for the whole wait.
set -euo pipefail

wait_seconds=1200
poll="${TI_POLL_SECONDS:-30}"
usage() { echo "usage: pulumi-when-unlocked.sh [--wait SECONDS] [--poll SECONDS] -- <pulumi arguments>" >&2; exit 2; }
while [ $# -gt 0 ]; do
  case "$1" in
    --wait) [[ "${2:-}" =~ ^[0-9]+$ ]] || usage; wait_seconds="$2"; shift 2 ;;
    --poll) [[ "${2:-}" =~ ^[0-9]+$ ]] || usage; poll="$2"; shift 2 ;;
    --) shift; break ;;
    *) usage ;;
  esac
done
[ $# -ge 1 ] || usage

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
deadline=$((SECONDS + wait_seconds))
attempt=1
while :; do
  status=0
  pulumi "$@" 2>&1 | tee "$log" || status="${PIPESTATUS[0]}"
  [ "$status" -ne 0 ] || exit 0
  if ! grep -qE '\[409\] Conflict: Another update is currently in progress|the stack is currently locked by' "$log"; then
    exit "$status"
  fi
  if [ "$SECONDS" -ge "$deadline" ]; then
    echo "error: the stack stayed locked by another operation for ${wait_seconds}s; nothing was changed. See who holds it (pulumi stack history, or the backend's locks) and run the job again; 'pulumi cancel' only if that operation is known to be dead." >&2
    exit 75
  fi
  echo "the stack is locked by another operation (attempt $attempt); nothing was changed; trying again in ${poll}s" >&2
  attempt=$((attempt + 1))
  sleep "$poll"
done
