#!/usr/bin/env bash
# Destroys and removes the per-pull-request stacks (pr<number>) that outlived their purpose:
# those whose pull request is closed, and those not updated for --max-idle-days days. A stack
# whose name is not "pr" followed by digits is never touched. Reports what it removed, on stdout
# and in the GitHub job summary when there is one.
#
#   reap-pr-stacks.sh [--max-idle-days N] [--dry-run]
#
# Needs the Pulumi CLI logged in to the stacks' backend, gh authenticated for the repository
# (GH_TOKEN), jq, the AWS CLI, and the AWS credentials the stacks deploy with.
set -euo pipefail

max_idle_days=7
dry_run=false
while [ $# -gt 0 ]; do
  case "$1" in
    --max-idle-days) max_idle_days="${2:?--max-idle-days needs a number}"; shift 2 ;;
    --dry-run) dry_run=true; shift ;;
    *) echo "usage: reap-pr-stacks.sh [--max-idle-days N] [--dry-run]" >&2; exit 2 ;;
  esac
done
[[ "$max_idle_days" =~ ^[1-9][0-9]*$ ]] || { echo "--max-idle-days must be a whole number of days, at least 1: $max_idle_days" >&2; exit 2; }

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
now="$(date -u +%s)"
cutoff=$((now - max_idle_days * 86400))
summary="${GITHUB_STEP_SUMMARY:-/dev/null}"
removed=0
failed=0

if [ -n "${PULUMI_BACKEND_URL:-}" ]; then
  pulumi login "$PULUMI_BACKEND_URL" >/dev/null
fi

report() {
  echo "$1"
  echo "- $1" >>"$summary"
}

echo "### Per-PR stacks reaped ($(date -u +%Y-%m-%dT%H:%M:%SZ), idle limit ${max_idle_days} days)" >>"$summary"

# Names may be printed qualified (org/project/stack); only the last part is the stack's own name.
stacks="$(pulumi stack ls --json | jq -r '.[] | [(.name | split("/") | last), (.lastUpdate // "")] | @tsv')"

while IFS=$'\t' read -r stack last_update; do
  [ -n "$stack" ] || continue
  if ! [[ "$stack" =~ ^pr([0-9]+)$ ]]; then
    continue
  fi
  number="${BASH_REMATCH[1]}"

  reason=""
  if ! state="$(gh pr view "$number" --json state --jq .state 2>/dev/null)"; then
    # Not knowing is no reason to destroy: an expired token must not empty the account.
    report "kept $stack: could not read pull request #$number"
    failed=$((failed + 1))
    continue
  fi
  if [ "$state" != "OPEN" ]; then
    reason="pull request #$number is ${state,,}"
  elif [ -n "$last_update" ]; then
    updated="$(date -u -d "$last_update" +%s 2>/dev/null || echo "")"
    if [ -n "$updated" ] && [ "$updated" -lt "$cutoff" ]; then
      reason="not updated for $(((now - updated) / 86400)) days (limit $max_idle_days)"
    fi
  fi
  [ -n "$reason" ] || continue

  if [ "$dry_run" = true ]; then
    report "would remove $stack: $reason"
    continue
  fi
  # The stack's config is rebuilt from the pr template, as when it was created. Its model package
  # group must be emptied first: SageMaker does not delete a group that holds versions, and the
  # provider's delete does not delete them. If emptying fails, the stack is not destroyed.
  if bash "$here/pr-stack-config.sh" "$stack" >/dev/null \
    && bash "$here/../../scripts/empty-model-registry.sh" "$stack" \
    && pulumi destroy --stack "$stack" --yes --skip-preview --non-interactive \
    && pulumi stack rm "$stack" --yes --non-interactive; then
    report "removed $stack: $reason"
    removed=$((removed + 1))
  else
    report "FAILED to remove $stack ($reason): see the log above"
    failed=$((failed + 1))
  fi
done <<<"$stacks"

echo "reaper: removed $removed stack(s), $failed problem(s)"
[ "$failed" -eq 0 ]
