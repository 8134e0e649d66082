#!/usr/bin/env bash
# Submits a batch-inference job to a stack's Batch queue with the stack's job definition, running
# the given container command, and prints its console link. With --wait it follows the job to the
# end and exits non-zero unless it succeeded.
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

usage() {
  cat >&2 <<'USAGE'
usage: submit-batch-job.sh <stack> <job-name> [options] -- <command> [arguments...]

  --job-definition ARN   use this job definition instead of the stack's JobDefinitionArn
  --outputs FILE         the stack's outputs as 'pulumi stack output --json' prints them
                         (default: $TRAINING_INFRA_OUTPUTS, else asks Pulumi)
  --wait                 wait for the job to end; exit 0 only if it succeeded
  --timeout SECONDS      give up waiting after this long (default 86400)

The command after -- replaces the image's command, e.g. -- python infer.py --input s3://...

Exit codes: 0 submitted (or succeeded, with --wait); 1 the job failed; 2 usage;
3 an AWS or Pulumi call failed; 124 --wait ran out of time.
USAGE
  exit "$TI_EXIT_USAGE"
}

[ $# -ge 2 ] || usage
stack="$1" job="$2"
shift 2
definition="" outputs_file="" wait=false timeout=86400
while [ $# -gt 0 ]; do
  case "$1" in
    --job-definition) ti_require_value "$1" "${2:-}"; definition="$2"; shift 2 ;;
    --outputs) ti_require_value "$1" "${2:-}"; outputs_file="$2"; shift 2 ;;
    --wait) wait=true; shift ;;
    --timeout) ti_require_value "$1" "${2:-}"; ti_positive_integer "$1" "$2"; timeout="$2"; shift 2 ;;
    --) shift; break ;;
    -h | --help) usage ;;
    *) ti_log "unknown option: $1"; usage ;;
  esac
done
[ $# -ge 1 ] || { ti_log "no container command given after --"; usage; }

# Batch's rule for job names (SubmitJob, AWS Batch API reference).
[[ "$job" =~ ^[a-zA-Z0-9][a-zA-Z0-9_-]{0,127}$ ]] \
  || ti_fail "$TI_EXIT_USAGE" "job name '$job' must be 1 to 128 letters, digits, hyphens and underscores, starting with a letter or digit"

ti_require_tools aws jq
ti_load_outputs "$stack" "$outputs_file"
region="$(ti_output Region)"
queue="$(ti_output JobQueueArn)"
[ -n "$definition" ] || definition="$(ti_output JobDefinitionArn)"

overrides="$(jq -cn '{command: $ARGS.positional}' --args -- "$@")"
submitted="$(ti_aws batch submit-job --region "$region" --job-name "$job" --job-queue "$queue" \
  --job-definition "$definition" --container-overrides "$overrides")"
job_id="$(jq -r '.jobId // empty' <<<"$submitted")"
[ -n "$job_id" ] || ti_fail "$TI_EXIT_ERROR" "Batch accepted job $job but returned no job id"
console="https://$(ti_console_host "$region")/batch/home?region=$region#jobs/detail/$job_id"
ti_log "submitted Batch job $job ($job_id) to ${queue##*/}"
printf '%s\n' "$console"

$wait || exit 0

deadline=$(( SECONDS + timeout ))
last=""
# Right after SubmitJob, DescribeJobs may answer with no job for a moment (Netflix/metaflow#543):
# Batch gets this many looks at it, TI_POLL_SECONDS apart, before the job counts as lost.
unlisted=0 unlisted_limit=5
while :; do
  described="$(ti_aws batch describe-jobs --region "$region" --jobs "$job_id" | jq -c '.jobs[0] // empty')"
  if [ -n "$described" ]; then
    status="$(jq -r '.status' <<<"$described")"
  else
    unlisted=$((unlisted + 1))
    [ "$unlisted" -lt "$unlisted_limit" ] || ti_fail "$TI_EXIT_ERROR" \
      "Batch accepted job $job ($job_id) but did not list it in $unlisted looks ${TI_POLL_SECONDS}s apart; look for it in the console: $console"
    status="not listed yet"
  fi
  if [ "$status" != "$last" ]; then
    ti_log "$job: $status"
    last="$status"
  fi
  case "$status" in
    SUCCEEDED) exit 0 ;;
    FAILED)
      ti_fail "$TI_EXIT_JOB_FAILED" "Batch job $job failed: $(jq -r '[.statusReason, (.container.exitCode | if . == null then empty else "exit code \(.)" end)] | map(select(. != null)) | join(", ")' <<<"$described")" ;;
  esac
  [ "$SECONDS" -lt "$deadline" ] \
    || ti_fail "$TI_EXIT_TIMEOUT" "Batch job $job is still $status after ${timeout}s; it goes on: $console"
  sleep "$TI_POLL_SECONDS"
done
