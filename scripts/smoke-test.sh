#!/usr/bin/env bash
# Proves a deployed stack by running its workload: uploads a tiny generated dataset, trains on it
# with a minutes-long managed-spot job (SageMaker's built-in XGBoost image, so no image of the
# team's is needed) through the stack's TrainingJobConfig, checks the model landed in the model
# bucket, registers it in the stack's model registry and approves it, runs a Batch job through the
# stack's queue, makes a second Batch job fail on purpose, checks that the stack's failure rule and
# its approval rule fired, then removes what it uploaded and registered. First of all,
# check-quotas.sh: a quota below what the test needs stops it before anything is created.
# Stops at the first failing step with a non-zero exit; every step is bounded in time.
set -euo pipefail
here="$(dirname "${BASH_SOURCE[0]}")"
# shellcheck source=lib/common.sh
source "$here/lib/common.sh"

usage() {
  cat >&2 <<'USAGE'
usage: smoke-test.sh <stack> [--outputs FILE] [--timeout SECONDS] [--keep]

  --outputs FILE     the stack's outputs as 'pulumi stack output --json' prints them
                     (default: $TRAINING_INFRA_OUTPUTS, else asks Pulumi)
  --timeout SECONDS  the whole test's time budget (default 3600)
  --keep             leave the uploaded data, the model, its registered version and the job
                     definition in place

Environment: SMOKE_TEST_BATCH_IMAGE (default public.ecr.aws/docker/library/busybox:1.36; on a
stack whose NetworkMode output is private, {ECRRepositoryUri}:smoke-test-busybox, which must have
been pushed there: its Batch hosts reach no registry but the account's ECR),
SMOKE_TEST_ALERT_WAIT_SECONDS (how long to wait for each rule's metric, default 900).
USAGE
  exit "$TI_EXIT_USAGE"
}

[ $# -ge 1 ] || usage
stack="$1"
shift
outputs_file="" budget=3600 keep=false
while [ $# -gt 0 ]; do
  case "$1" in
    --outputs) ti_require_value "$1" "${2:-}"; outputs_file="$2"; shift 2 ;;
    --timeout) ti_require_value "$1" "${2:-}"; ti_positive_integer "$1" "$2"; budget="$2"; shift 2 ;;
    --keep) keep=true; shift ;;
    -h | --help) usage ;;
    *) ti_log "unknown option: $1"; usage ;;
  esac
done

batch_image="${SMOKE_TEST_BATCH_IMAGE:-}"
alert_wait="${SMOKE_TEST_ALERT_WAIT_SECONDS:-900}"
deadline=$(( SECONDS + budget ))
steps=10 step=0

step() { step=$((step + 1)); printf '[%d/%d] %s\n' "$step" "$steps" "$*"; }
ok() { printf '      ok: %s\n' "$*"; }
failed() { printf '      FAILED: %s\n' "$*"; exit 1; }
# Called as $(remaining): its failure message goes to stderr, since stdout is captured.
remaining() {
  local left=$(( deadline - SECONDS ))
  [ "$left" -gt 0 ] || failed "the smoke test's ${budget}s are used up" >&2
  printf '%s\n' "$left"
}

# rule_fired <rule> <epoch seconds>: waits, at most SMOKE_TEST_ALERT_WAIT_SECONDS, until the rule has
# invoked its target since that minute. EventBridge counts a rule's target invocations per minute in
# AWS/Events; the count arrives a few minutes after the event.
rule_fired() {
  local rule="$1" since="$2" window_start alert_deadline invocations
  window_start="$(date -u -d "@$(( since - since % 60 ))" +%Y-%m-%dT%H:%M:%SZ)"
  alert_deadline=$(( SECONDS + alert_wait ))
  while :; do
    invocations="$(ti_aws cloudwatch get-metric-statistics --region "$region" --namespace AWS/Events --metric-name Invocations \
      --dimensions "Name=RuleName,Value=$rule" --start-time "$window_start" \
      --end-time "$(date -u -d "@$(( $(date -u +%s) + 60 ))" +%Y-%m-%dT%H:%M:%SZ)" --period 60 --statistics Sum \
      | jq '[.Datapoints[]?.Sum] | add // 0')"
    if jq -e '. >= 1' <<<"$invocations" >/dev/null; then
      break
    fi
    [ "$SECONDS" -lt "$alert_deadline" ] || failed "$rule shows no Invocations since $window_start after ${alert_wait}s"
    remaining >/dev/null
    sleep "$TI_POLL_SECONDS"
  done
  ok "$rule invoked its target $invocations time(s) since $window_start"
}

ti_require_tools aws jq awk
region=""
work="$(mktemp -d)"
cleanup_items=()
cleanup() {
  local status=$? item
  if $keep; then
    [ "${#cleanup_items[@]}" -eq 0 ] || printf 'kept (--keep): %s\n' "${cleanup_items[*]}"
  else
    for item in "${cleanup_items[@]}"; do
      case "$item" in
        s3://*) aws s3 rm --region "$region" --recursive --only-show-errors "$item" || printf 'could not remove %s\n' "$item" ;;
        arn:*:job-definition/*) aws batch deregister-job-definition --region "$region" --job-definition "$item" >/dev/null \
          || printf 'could not deregister %s\n' "$item" ;;
        arn:*:model-package/*) aws sagemaker delete-model-package --region "$region" --model-package-name "$item" >/dev/null \
          || printf 'could not delete %s\n' "$item" ;;
      esac
    done
    [ "${#cleanup_items[@]}" -eq 0 ] || printf 'cleaned up: %s\n' "${cleanup_items[*]}"
  fi
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT

# Child commands read the outputs from a file, never from Pulumi again.
ti_load_outputs "$stack" "$outputs_file"
printf '%s\n' "$TI_OUTPUTS" >"$work/outputs.json"
region="$(ti_output Region)"
datasets="$(ti_output DatasetBucketName)"
models="$(ti_output ModelBucketName)"
definition="$(ti_output JobDefinitionArn)"
failure_rule="$(ti_output BatchJobFailedRuleName)"
approval_rule="$(ti_output ModelApprovalRuleName)"
ti_output ModelPackageGroupName >/dev/null
ti_output TrainingJobConfig >/dev/null
ti_output JobQueueArn >/dev/null
# Stacks deployed before networkMode existed export no NetworkMode: they are public.
network_mode="$(jq -r '.NetworkMode // "public"' <<<"$TI_OUTPUTS")"
private_tag=smoke-test-busybox
if [ -z "$batch_image" ]; then
  if [ "$network_mode" = private ]; then
    batch_image="$(ti_output ECRRepositoryUri):$private_tag"
  else
    batch_image=public.ecr.aws/docker/library/busybox:1.36
  fi
fi

account="$(awk -F '\t' -v r="$region" '$1 == r { print $2 }' "$here/data/xgboost-registries.tsv")"
[ -n "$account" ] || failed "no built-in XGBoost image is listed for $region in scripts/data/xgboost-registries.tsv"
run="smoke-$(date -u +%Y%m%d%H%M%S)-$$"
printf 'smoke test of stack %s in %s (run %s, at most %ss)\n' "$stack" "$region" "$run" "$budget"

# Before anything is uploaded: a quota below need would only show as a refused or ever-waiting job.
printf 'quota preflight (check-quotas.sh)\n'
status=0
"$here/check-quotas.sh" "$stack" --outputs "$work/outputs.json" --instance-type ml.m5.xlarge --count 1 || status=$?
[ "$status" -eq 0 ] || { printf '      FAILED: the quota preflight (above)\n'; exit "$status"; }

step "upload a generated dataset to s3://$datasets/smoke-test/$run/"
# 200 rows of y = 3*x1 - 2*x2 + 1 without a header, label first: the CSV layout XGBoost reads.
awk 'BEGIN { for (i = 0; i < 200; i++) { x1 = (i % 17) / 4; x2 = (i % 11) / 3; printf "%.4f,%.4f,%.4f\n", 3 * x1 - 2 * x2 + 1, x1, x2 } }' \
  >"$work/train.csv"
data_uri="s3://$datasets/smoke-test/$run/"
cleanup_items+=("$data_uri")
aws s3 cp --region "$region" --only-show-errors "$work/train.csv" "${data_uri}train/train.csv" \
  || failed "could not upload to the dataset bucket"
ok "200 rows"

step "train a managed-spot XGBoost model through TrainingJobConfig"
training_job="$run"
cleanup_items+=("s3://$models/output/$training_job/" "s3://$models/checkpoints/$training_job/")
# File, whatever the stack's trainingInputMode: the built-in XGBoost image documents File and Pipe only.
jq -n --arg image "$account.dkr.ecr.$region.amazonaws.com/sagemaker-xgboost:1.7-1" --arg data "${data_uri}train/" '{
  AlgorithmSpecification: {TrainingImage: $image, TrainingInputMode: "File"},
  HyperParameters: {objective: "reg:squarederror", num_round: "10"},
  InputDataConfig: [{
    ChannelName: "train", ContentType: "text/csv",
    DataSource: {S3DataSource: {S3DataType: "S3Prefix", S3Uri: $data, S3DataDistributionType: "FullyReplicated"}}
  }],
  ResourceConfig: {InstanceCount: 1},
  StoppingCondition: {MaxRuntimeInSeconds: 900, MaxWaitTimeInSeconds: 1800}
}' >"$work/training.json"
# Without the stack's MlflowConfig and ModelPackageConfig: the built-in XGBoost image is no MLflow
# client, and the test registers the model itself (register-model.sh) to prove that path.
jq -c '.TrainingJobConfig |= ((if type == "string" then fromjson else . end) | del(.MlflowConfig, .ModelPackageConfig) | tojson)' \
  "$work/outputs.json" >"$work/training-outputs.json"
left="$(remaining)"
"$here/start-training-job.sh" "$stack" "$training_job" --outputs "$work/training-outputs.json" --merge "$work/training.json" \
  --instance-type ml.m5.xlarge --skip-quota-check --wait --timeout "$left" || failed "the training job did not complete"
ok "training job $training_job completed"

step "check the model artifact is in s3://$models/"
artifact="$(ti_aws sagemaker describe-training-job --region "$region" --training-job-name "$training_job" \
  | jq -r '.ModelArtifacts.S3ModelArtifacts // empty')"
[[ "$artifact" == "s3://$models/"* ]] || failed "the job's model artifact '$artifact' is not in the model bucket"
key="${artifact#"s3://$models/"}"
size="$(ti_aws s3api head-object --region "$region" --bucket "$models" --key "$key" | jq -r '.ContentLength // 0')"
[ "$size" -gt 0 ] || failed "$artifact is empty or missing"
ok "$artifact ($size bytes)"

step "register the model in the stack's model registry (register-model.sh)"
package="$("$here/register-model.sh" "$stack" "$training_job" --outputs "$work/outputs.json")" \
  || failed "the model could not be registered"
cleanup_items+=("$package")
ok "$package, pending manual approval"

step "approve it, as a reviewer would"
approved_at="$(date -u +%s)"
ti_aws sagemaker update-model-package --region "$region" --model-package-arn "$package" --model-approval-status Approved \
  --approval-description "smoke test $run" >/dev/null
ok "$package approved"

step "register a job definition like the stack's, with $batch_image"
if [ "$network_mode" = private ] && [[ "$batch_image" == *":$private_tag" ]]; then
  # A private stack's hosts pull only from this account's ECR; without the image there, the job
  # would wait and fail on CannotPullContainerError. Say how to put it there instead.
  repository="${batch_image%:*}"
  found="$(ti_aws_except ImageNotFoundException ecr describe-images --region "$region" --repository-name "${repository#*/}" \
    --image-ids "imageTag=$private_tag" | jq -r '(.imageDetails // []) | length')"
  [ "${found:-0}" -gt 0 ] || failed "stack $stack is private (NetworkMode): its Batch hosts pull only from this account's ECR, and $batch_image does not exist. Push it once: docker pull public.ecr.aws/docker/library/busybox:1.36 && docker tag public.ecr.aws/docker/library/busybox:1.36 $batch_image && docker push $batch_image (after aws ecr get-login-password | docker login), or set SMOKE_TEST_BATCH_IMAGE to an image in that repository"
fi
# The stack's definition runs the team's image, which a fresh stack may not have yet; everything
# else (role, resources, logs, retries, timeout) is the stack's. Batch answers a definition it does
# not know with an empty list, not an error, and keeps describing a deregistered one as INACTIVE.
described="$(ti_aws batch describe-job-definitions --region "$region" --job-definitions "$definition")"
definition_status="$(jq -r '.jobDefinitions[0].status // empty' <<<"$described")"
[ -n "$definition_status" ] \
  || failed "Batch does not know the stack's job definition $definition (JobDefinitionArn): is it another account's or region's?"
[ "$definition_status" = ACTIVE ] \
  || failed "the stack's job definition $definition is $definition_status (deregistered): no job can be submitted with it"
jq --arg name "${definition##*/}" --arg image "$batch_image" '.jobDefinitions[0] | {
  jobDefinitionName: (($name | sub(":[0-9]+$"; "")) + "-smoke-test"),
  type, platformCapabilities, retryStrategy, timeout, propagateTags,
  containerProperties: (.containerProperties
    | {image: $image, resourceRequirements, jobRoleArn, executionRoleArn, logConfiguration, environment}
    | with_entries(select(.value != null)))
} | with_entries(select(.value != null))' <<<"$described" >"$work/definition.json"
smoke_definition="$(ti_aws batch register-job-definition --region "$region" --cli-input-json "$(cat "$work/definition.json")" \
  | jq -r '.jobDefinitionArn // empty')"
[ -n "$smoke_definition" ] || failed "Batch registered no job definition"
cleanup_items+=("$smoke_definition")
ok "$smoke_definition"

step "run a Batch job through the stack's queue"
left="$(remaining)"
"$here/submit-batch-job.sh" "$stack" "$run-ok" --outputs "$work/outputs.json" --job-definition "$smoke_definition" \
  --wait --timeout "$left" -- sh -c 'echo smoke test job ran' || failed "the Batch job did not succeed"
ok "Batch job $run-ok succeeded"

step "make a Batch job fail on purpose"
failed_at="$(date -u +%s)"
status=0
left="$(remaining)"
"$here/submit-batch-job.sh" "$stack" "$run-fail" --outputs "$work/outputs.json" --job-definition "$smoke_definition" \
  --wait --timeout "$left" -- sh -c 'echo failing on purpose; exit 3' || status=$?
[ "$status" -eq "$TI_EXIT_JOB_FAILED" ] || failed "the job meant to fail ended with exit code $status of submit-batch-job.sh, not a failed job"
ok "Batch job $run-fail failed, as it should"

step "check that the failure rule $failure_rule fired"
rule_fired "$failure_rule" "$failed_at"

step "check that the approval rule $approval_rule fired"
rule_fired "$approval_rule" "$approved_at"

printf 'smoke test of stack %s passed\n' "$stack"
