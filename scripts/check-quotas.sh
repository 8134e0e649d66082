#!/usr/bin/env bash
# Quota preflight of a stack of the platform: reads, from Service Quotas, the account's SageMaker
# quotas for the training instance type (training, spot training and warm-pool usage) and the EC2
# spot vCPU quota that the Batch compute environment draws on, and prints one line each: the quota
# and what the stack would need. Exits 4 when a quota the job needs is below that need.
#
# Quotas are looked up by name in the applied values (ListServiceQuotas); a quota the account has
# no applied value for is read from AWS's defaults (ListAWSDefaultServiceQuotas). A quota found in
# neither is reported as not checked, and does not fail the preflight: the check cannot know it.
# It compares quota values with the need, not current usage: jobs already running count too.
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

usage() {
  cat >&2 <<'USAGE'
usage: check-quotas.sh <stack> [options]

  --instance-type TYPE   the training instance type (default: the stack's TrainingJobConfig)
  --count N              instances per training job (default: the stack's TrainingJobConfig)
  --on-demand            the job trains on on-demand capacity (default: as TrainingJobConfig says)
  --warm-pool            the job keeps a warm pool (needs the warm-pool quota too)
  --training-only        leave out the Batch compute environment's EC2 spot quota
  --outputs FILE         the stack's outputs as 'pulumi stack output --json' prints them
                         (default: $TRAINING_INFRA_OUTPUTS, else asks Pulumi)

Exit codes: 0 every quota the stack needs is at least its need (or could not be read by name);
2 usage; 3 an AWS or Pulumi call failed; 4 a quota is below what the stack needs.
USAGE
  exit "$TI_EXIT_USAGE"
}

[ $# -ge 1 ] || usage
stack="$1"
shift
instance_type="" count="" on_demand=false warm_pool=false training_only=false outputs_file=""
while [ $# -gt 0 ]; do
  case "$1" in
    --instance-type) ti_require_value "$1" "${2:-}"; instance_type="$2"; shift 2 ;;
    --count) ti_require_value "$1" "${2:-}"; count="$2"; shift 2 ;;
    --on-demand) on_demand=true; shift ;;
    --warm-pool) warm_pool=true; shift ;;
    --training-only) training_only=true; shift ;;
    --outputs) ti_require_value "$1" "${2:-}"; outputs_file="$2"; shift 2 ;;
    -h | --help) usage ;;
    *) ti_log "unknown option: $1"; usage ;;
  esac
done
[ -z "$count" ] || [[ "$count" =~ ^[1-9][0-9]*$ ]] || ti_fail "$TI_EXIT_USAGE" "--count must be a positive number of instances, not '$count'"
[ -z "$instance_type" ] || [[ "$instance_type" =~ ^ml\.[a-z0-9-]+\.[a-z0-9]+$ ]] \
  || ti_fail "$TI_EXIT_USAGE" "--instance-type '$instance_type' is not a SageMaker instance type such as ml.m5.xlarge"

ti_require_tools aws jq
ti_load_outputs "$stack" "$outputs_file"
region="$(ti_output Region)"
request="$(ti_output TrainingJobConfig | jq -c 'if type == "string" then fromjson else . end')"
[ -n "$instance_type" ] || instance_type="$(jq -r '.ResourceConfig.InstanceType // empty' <<<"$request")"
[ -n "$count" ] || count="$(jq -r '.ResourceConfig.InstanceCount // 1' <<<"$request")"
[ -n "$instance_type" ] || ti_fail "$TI_EXIT_ERROR" "the stack's TrainingJobConfig names no ResourceConfig.InstanceType: pass --instance-type"
spot=false
if ! $on_demand && [ "$(jq -r '.EnableManagedSpotTraining // false' <<<"$request")" = true ]; then
  spot=true
fi

# list_quotas <operation> <service code>: every quota of the service, all pages, as one JSON array.
# The loop follows NextToken itself (MaxResults is 1..100): with --next-token the CLI does not page
# on its own, and whether it pages the first call or not, the list comes out whole.
list_quotas() {
  local operation="$1" service="$2" page token="" all="[]"
  while :; do
    # This runs inside $(...), where bash does not apply set -e: a failed call must end it here.
    page="$(ti_aws service-quotas "$operation" --region "$region" --service-code "$service" --max-results 100 \
      ${token:+--next-token "$token"})" || exit "$?"
    [ -n "$page" ] || page='{}'
    # An answer jq cannot read ends it too, rather than leaving every quota "not checked".
    all="$(jq -c --argjson all "$all" '$all + (.Quotas // [])' <<<"$page")" || exit "$TI_EXIT_ERROR"
    token="$(jq -r '.NextToken // empty' <<<"$page")" || exit "$TI_EXIT_ERROR"
    [ -n "$token" ] || break
  done
  printf '%s\n' "$all"
}

below=0
# report <what> <value or empty> <source> <need> <unit> <why needed> <name to request>
report() {
  local what="$1" value="$2" source="$3" need="$4" unit="$5" why="$6" name="$7"
  if [ -z "$value" ]; then
    printf 'not checked: %s: Service Quotas lists no such quota in %s (%s)\n' "$what" "$region" "$why"
  elif [ "$need" -eq 0 ]; then
    printf 'ok: %s: %s %s (%s); not needed (%s)\n' "$what" "$value" "$unit" "$source" "$why"
  elif jq -e --argjson need "$need" '. >= $need' <<<"$value" >/dev/null; then
    printf 'ok: %s: %s %s (%s); needs %s (%s)\n' "$what" "$value" "$unit" "$source" "$need" "$why"
  else
    below=1
    local advice="request an increase to at least $need"
    if jq -e '. == 0' <<<"$value" >/dev/null; then
      advice="a new account starts at 0 for many types: request an increase to at least $need (an increase can take days)"
    fi
    printf 'BELOW: %s: %s %s (%s); needs %s (%s): %s in Service Quotas, quota "%s"\n' \
      "$what" "$value" "$unit" "$source" "$need" "$why" "$advice" "$name"
  fi
}

# SageMaker's quotas are named "<type> for training job usage" and so on, one per instance type.
applied="$(list_quotas list-service-quotas sagemaker)"
defaults=""
need_spot=0 need_training=0 need_pool=0
if $spot; then need_spot="$count"; else need_training="$count"; fi
! $warm_pool || need_pool="$count"
mode="$($spot && echo "a managed spot job" || echo "an on-demand job")"
for kind in "training job:$need_training" "spot training job:$need_spot" "training warm pool:$need_pool"; do
  name="$instance_type for ${kind%:*} usage"
  value="$(jq -r --arg name "$name" 'map(select(.QuotaName == $name))[0].Value // empty' <<<"$applied")"
  source=applied
  if [ -z "$value" ]; then
    [ -n "$defaults" ] || defaults="$(list_quotas list-aws-default-service-quotas sagemaker)"
    value="$(jq -r --arg name "$name" 'map(select(.QuotaName == $name))[0].Value // empty' <<<"$defaults")"
    source="AWS default"
  fi
  report "SageMaker $name" "$value" "$source" "${kind##*:}" "instances" "$count x $instance_type for $mode" "$name"
done

if ! $training_only; then
  # Batch's spot environment launches EC2 spot instances, counted in vCPUs against EC2's spot quota
  # of their family: standard families (A, C, D, H, I, M, R, T, Z) share L-34B43A08.
  environment="$(ti_output ComputeEnvironmentArn)"
  described="$(ti_aws batch describe-compute-environments --region "$region" --compute-environments "$environment")"
  [ -n "$described" ] || described='{}'
  max_vcpus="$(jq -r '.computeEnvironments[0].computeResources.maxvCpus // empty' <<<"$described")"
  quota_name="All Standard (A, C, D, H, I, M, R, T, Z) Spot Instance Requests"
  if [ -z "$max_vcpus" ]; then
    printf 'not checked: EC2 %s: Batch does not describe the compute environment %s\n' "$quota_name" "$environment"
  else
    others="$(jq -r '[.computeEnvironments[0].computeResources.instanceTypes[]? | select(test("^[acdhimrtz][0-9a-z-]*([.]|$)") | not)] | join(", ")' <<<"$described")"
    [ -z "$others" ] || ti_log "warning: the compute environment also lists $others, which count against other EC2 spot quotas (not checked here)"
    quota="$(ti_aws_except NoSuchResourceException service-quotas get-service-quota --region "$region" --service-code ec2 --quota-code L-34B43A08)"
    source=applied
    if [ -z "$quota" ]; then
      # NoSuchResourceException: the account has no applied value; AWS's default applies.
      quota="$(ti_aws service-quotas get-aws-default-service-quota --region "$region" --service-code ec2 --quota-code L-34B43A08)"
      source="AWS default"
    fi
    [ -n "$quota" ] || quota='{}'
    value="$(jq -r '.Quota.Value // empty' <<<"$quota")"
    report "EC2 $quota_name (L-34B43A08)" "$value" "$source" "$max_vcpus" "vCPUs" \
      "the Batch environment's maxvCpus, batchMaxVcpus" "$quota_name"
  fi
fi

[ "$below" -eq 0 ] || ti_fail "$TI_EXIT_QUOTA" "a quota of stack $stack's account in $region is below what the stack needs (see BELOW above)"
