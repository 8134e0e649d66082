#!/usr/bin/env bash
# Deletes every model package (every version) of an ephemeral stack's model package group, so that
# `pulumi destroy` can delete the group: SageMaker does not delete a group that still holds
# versions, and the provider's delete of the group deletes none of them (terraform-provider-aws
# internal/service/sagemaker/model_package_group.go calls DeleteModelPackageGroup alone; Apache
# Airflow's SageMaker system test deletes the version first, "need to destroy model registered in
# group first"; read 2026-12-05). A protected stack (DataProtected) keeps its packages: it is refused.
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

usage() {
  cat >&2 <<'USAGE'
usage: empty-model-registry.sh <stack> [--outputs FILE] [--dry-run] [--timeout SECONDS]

  --outputs FILE     the stack's outputs as 'pulumi stack output --json' prints them
                     (default: $TRAINING_INFRA_OUTPUTS, else asks Pulumi)
  --dry-run          list what would be deleted, delete nothing
  --timeout SECONDS  how long to wait for the deleted versions to be gone (default 300)

Exit codes: 0 the group is empty, or there is nothing to empty (no group); 2 usage, or a protected
stack; 3 an AWS or Pulumi call failed, a delete failed, or the stack lacks an output; 124 versions
were still listed when the wait ran out.
USAGE
  exit "$TI_EXIT_USAGE"
}

[ $# -ge 1 ] || usage
stack="$1"
shift
outputs_file="" dry_run=false timeout=300
while [ $# -gt 0 ]; do
  case "$1" in
    --outputs) ti_require_value "$1" "${2:-}"; outputs_file="$2"; shift 2 ;;
    --dry-run) dry_run=true; shift ;;
    --timeout) ti_require_value "$1" "${2:-}"; ti_positive_integer "$1" "$2"; timeout="$2"; shift 2 ;;
    -h | --help) usage ;;
    *) ti_log "unknown option: $1"; usage ;;
  esac
done

ti_require_tools aws jq
ti_load_outputs "$stack" "$outputs_file"
group="$(jq -r '.ModelPackageGroupName // empty' <<<"$TI_OUTPUTS")"
if [ -z "$group" ]; then
  printf 'stack %s has no ModelPackageGroupName output (deployed before the model registry): nothing to empty\n' "$stack"
  exit 0
fi
# Read as it is: ti_output, through jq's //, would take false for a missing output.
protected="$(jq -r '.DataProtected | if . == null then "" else tostring end' <<<"$TI_OUTPUTS")"
case "$protected" in
  false) ;;
  true) ti_fail "$TI_EXIT_USAGE" "stack $stack is protected (DataProtected): its model packages are kept with its data; nothing deleted" ;;
  "") ti_fail "$TI_EXIT_ERROR" "the stack has no output DataProtected: was it deployed with this version of the program?" ;;
  *) ti_fail "$TI_EXIT_ERROR" "the stack's DataProtected output is '$protected', neither true nor false" ;;
esac
region="$(ti_output Region)"

# A group that does not exist is refused with ValidationException, "... does not exist" (the
# check terraform-provider-aws makes of DescribeModelPackageGroup and DeleteModelPackageGroup;
# the operation's model declares no error of its own; read 2026-12-05).
described="$(ti_aws_except_message ValidationException "does not exist" \
  sagemaker describe-model-package-group --region "$region" --model-package-group-name "$group")"
if [ -z "$described" ]; then
  printf 'model package group %s does not exist: nothing to empty\n' "$group"
  exit 0
fi

# list_versions: every version of the group, all pages, as one JSON array of summaries. The loop
# follows NextToken itself (MaxResults 1..100): with --max-results the CLI does not page on its own
# (awscli customizations/paginate.py). ModelPackageType Versioned: a group's packages are versions.
list_versions() {
  local page token="" all="[]"
  while :; do
    # Inside $(...), where bash does not apply set -e: a failed call must end it here.
    page="$(ti_aws sagemaker list-model-packages --region "$region" --model-package-group-name "$group" \
      --model-package-type Versioned --max-results 100 ${token:+--next-token "$token"})" || exit "$?"
    [ -n "$page" ] || page='{}'
    all="$(jq -c --argjson all "$all" '$all + (.ModelPackageSummaryList // [])' <<<"$page")" || exit "$TI_EXIT_ERROR"
    token="$(jq -r '.NextToken // empty' <<<"$page")" || exit "$TI_EXIT_ERROR"
    [ -n "$token" ] || break
  done
  printf '%s\n' "$all"
}

versions="$(list_versions)"
total="$(jq 'length' <<<"$versions")"
printf 'model package group %s of stack %s: %s version(s)\n' "$group" "$stack" "$total"
failed=0
while IFS=$'\t' read -r arn version status; do
  [ -n "$arn" ] || continue
  if [ "$status" = Deleting ]; then
    printf 'being deleted already: %s (version %s)\n' "$arn" "$version"
  elif $dry_run; then
    printf 'would delete %s (version %s, %s)\n' "$arn" "$version" "$status"
  elif aws sagemaker delete-model-package --region "$region" --model-package-name "$arn" --output json >/dev/null; then
    printf 'deleted %s (version %s)\n' "$arn" "$version"
  else
    printf 'FAILED to delete %s (version %s): see the message above\n' "$arn" "$version"
    failed=$((failed + 1))
  fi
done < <(jq -r '.[] | [.ModelPackageArn, (.ModelPackageVersion // "" | tostring), (.ModelPackageStatus // "")] | @tsv' <<<"$versions")

$dry_run && exit 0
[ "$failed" -eq 0 ] || ti_fail "$TI_EXIT_ERROR" "$failed of $total version(s) of $group could not be deleted: the group cannot be deleted yet"

# Until the versions are gone, deleting the group would still be refused.
deadline=$(( SECONDS + timeout ))
while [ "$total" -gt 0 ]; do
  left="$(list_versions | jq 'length')"
  [ "$left" -gt 0 ] || break
  [ "$SECONDS" -lt "$deadline" ] \
    || ti_fail "$TI_EXIT_TIMEOUT" "$group still lists $left version(s) after ${timeout}s"
  sleep "$TI_POLL_SECONDS"
done
printf 'model package group %s is empty\n' "$group"
