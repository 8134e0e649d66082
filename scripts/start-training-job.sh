#!/usr/bin/env bash
# Starts a SageMaker training job on a stack of the platform, from the stack's TrainingJobConfig
# output (a CreateTrainingJob request complete but for the name), with a checkpoint prefix of its
# own, and prints its console link. With --wait it follows the job to the end and exits non-zero
# unless it completed.
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

usage() {
  cat >&2 <<'USAGE'
usage: start-training-job.sh <stack> <job-name> [options]

  --image-tag TAG        run this tag of the stack's repository instead of trainingImageTag
  --instance-type TYPE   train on this ml.* type instead of trainingInstanceType
  --on-demand            train on on-demand capacity instead of managed spot training
  --warm-pool SECONDS    keep the instances for this long (1 to 3600) after the job, so that the
                         next matching job starts on them at once; needs --on-demand (warm pools
                         cannot be used with managed spot training); the pool bills while it waits
  --merge FILE           JSON merged into the request (objects merge, arrays and values replace),
                         e.g. {"HyperParameters": {"epochs": "10"}}
  --outputs FILE         the stack's outputs as 'pulumi stack output --json' prints them
                         (default: $TRAINING_INFRA_OUTPUTS, else asks Pulumi)
  --skip-quota-check     do not run check-quotas.sh first (for callers that ran it already, or
                         whose role may not read Service Quotas)
  --wait                 wait for the job to end; exit 0 only if it completed
  --timeout SECONDS      give up waiting after this long (default: the job's MaxWaitTimeInSeconds
                         plus 15 minutes)

Exit codes: 0 started (or completed, with --wait); 1 the job failed or was stopped; 2 usage;
3 an AWS or Pulumi call failed; 4 an account quota is below what the job needs (check-quotas.sh);
124 --wait ran out of time.
USAGE
  exit "$TI_EXIT_USAGE"
}

[ $# -ge 2 ] || usage
stack="$1" job="$2"
shift 2
image_tag="" instance_type="" merge_file="" outputs_file="" wait=false timeout="" on_demand=false warm_pool=""
check_quotas=true
while [ $# -gt 0 ]; do
  case "$1" in
    --image-tag) ti_require_value "$1" "${2:-}"; image_tag="$2"; shift 2 ;;
    --instance-type) ti_require_value "$1" "${2:-}"; instance_type="$2"; shift 2 ;;
    --merge) ti_require_value "$1" "${2:-}"; merge_file="$2"; shift 2 ;;
    --on-demand) on_demand=true; shift ;;
    --warm-pool) ti_require_value "$1" "${2:-}"; ti_positive_integer "$1" "$2"; warm_pool="$2"; shift 2 ;;
    --outputs) ti_require_value "$1" "${2:-}"; outputs_file="$2"; shift 2 ;;
    --wait) wait=true; shift ;;
    --skip-quota-check) check_quotas=false; shift ;;
    --timeout) ti_require_value "$1" "${2:-}"; ti_positive_integer "$1" "$2"; timeout="$2"; shift 2 ;;
    -h | --help) usage ;;
    *) ti_log "unknown option: $1"; usage ;;
  esac
done

# SageMaker's rule for TrainingJobName (CreateTrainingJob, SageMaker API reference).
if [ "${#job}" -gt 63 ] || ! [[ "$job" =~ ^[a-zA-Z0-9](-*[a-zA-Z0-9])*$ ]]; then
  ti_fail "$TI_EXIT_USAGE" "job name '$job' must be 1 to 63 letters, digits and hyphens, starting and ending with a letter or digit"
fi
[ -z "$image_tag" ] || [[ "$image_tag" =~ ^[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}$ ]] \
  || ti_fail "$TI_EXIT_USAGE" "--image-tag '$image_tag' is not a Docker image tag"
[ -z "$instance_type" ] || [[ "$instance_type" =~ ^ml\.[a-z0-9-]+\.[a-z0-9]+$ ]] \
  || ti_fail "$TI_EXIT_USAGE" "--instance-type '$instance_type' is not a SageMaker instance type such as ml.m5.xlarge"
if [ -n "$merge_file" ]; then
  jq -e 'type == "object"' "$merge_file" >/dev/null 2>&1 || ti_fail "$TI_EXIT_USAGE" "--merge $merge_file is not a JSON object"
fi
# ResourceConfig.KeepAlivePeriodInSeconds: at most 3600 (SageMaker's warm-pool limit).
[ -z "$warm_pool" ] || [ "$warm_pool" -le 3600 ] || ti_fail "$TI_EXIT_USAGE" "--warm-pool $warm_pool is longer than SageMaker's limit of 3600 seconds"

ti_require_tools aws jq
ti_load_outputs "$stack" "$outputs_file"
region="$(ti_output Region)"
# Pulumi prints the config as a JSON string; accept it parsed, too.
request="$(ti_output TrainingJobConfig | jq -c 'if type == "string" then fromjson else . end')"

if [ -n "$merge_file" ]; then
  request="$(jq -c --slurpfile merge "$merge_file" '. * $merge[0]' <<<"$request")"
fi

if [ -n "$image_tag" ]; then
  request="$(jq -c --arg tag "$image_tag" \
    '.AlgorithmSpecification.TrainingImage |= (sub(":[^:/]+$"; "") + ":" + $tag)' <<<"$request")"
fi

if [ -n "$instance_type" ]; then
  request="$(jq -c --arg type "$instance_type" '.ResourceConfig.InstanceType = $type' <<<"$request")"
  # With a data key the stack encrypts the volume too, but CreateTrainingJob refuses a volume key
  # for types that train on local NVMe storage. The configured type was decided by the program;
  # for another, EC2 says whether its instances have local storage.
  data_key="$(jq -r '.OutputDataConfig.KmsKeyId // empty' <<<"$request")"
  if [ -n "$data_key" ]; then
    ec2_type="${instance_type#ml.}"
    # EC2 refuses a type it does not offer in the region with the error InvalidInstanceType ("The
    # following supplied instance types do not exist"), not with an empty list: DescribeInstanceTypes
    # describes the region's types only, unless IncludeUnsupportedInRegion (botocore's ec2 model).
    described="$(ti_aws_except InvalidInstanceType ec2 describe-instance-types --region "$region" --instance-types "$ec2_type")"
    [ -n "$described" ] || described='{"InstanceTypes": []}'
    storage="$(jq -r '.InstanceTypes[0].InstanceStorageSupported | if . == null then "unknown" else tostring end' <<<"$described")"
    case "$storage" in
      false) request="$(jq -c --arg key "$data_key" '.ResourceConfig.VolumeKmsKeyId = $key' <<<"$request")" ;;
      true) request="$(jq -c 'del(.ResourceConfig.VolumeKmsKeyId)' <<<"$request")" ;;
      *)
        ti_log "warning: EC2 does not offer $ec2_type in $region, so whether it trains on local storage is unknown:" \
          "the volume is left to SageMaker's own encryption (SageMaker refuses the type if it does not offer it either)"
        request="$(jq -c 'del(.ResourceConfig.VolumeKmsKeyId)' <<<"$request")"
        ;;
    esac
  fi
fi

if $on_demand; then
  # MaxWaitTimeInSeconds is for spot jobs only; SageMaker refuses it on an on-demand job.
  request="$(jq -c '.EnableManagedSpotTraining = false | del(.StoppingCondition.MaxWaitTimeInSeconds)' <<<"$request")"
fi
spot="$(jq -r '.EnableManagedSpotTraining // false' <<<"$request")"
if [ -n "$warm_pool" ]; then
  [ "$spot" != true ] || ti_fail "$TI_EXIT_USAGE" \
    "--warm-pool cannot be used with managed spot training, which the stack's TrainingJobConfig asks for: add --on-demand"
  request="$(jq -c --argjson keep "$warm_pool" '.ResourceConfig.KeepAlivePeriodInSeconds = $keep' <<<"$request")"
fi
# A spot job without checkpoints starts again from zero after every interruption.
if [ "$spot" = true ] && [ -z "$(jq -r '.CheckpointConfig.S3Uri // empty' <<<"$request")" ]; then
  ti_fail "$TI_EXIT_USAGE" \
    "a managed spot job needs CheckpointConfig.S3Uri, or each interruption restarts it from zero: keep the stack's checkpoint location, or add --on-demand"
fi

# A type whose quota is 0 (the rule for GPU types on a new account) is refused at once with
# ResourceLimitExceeded; the preflight says so first, with the quota to request.
if $check_quotas; then
  quota_args=(--training-only --instance-type "$(jq -r '.ResourceConfig.InstanceType' <<<"$request")"
    --count "$(jq -r '.ResourceConfig.InstanceCount // 1' <<<"$request")")
  [ "$spot" = true ] || quota_args+=(--on-demand)
  [ -z "$warm_pool" ] || quota_args+=(--warm-pool)
  outputs_copy="$(mktemp)" || ti_fail "$TI_EXIT_ERROR" "cannot create a temporary file"
  printf '%s\n' "$TI_OUTPUTS" >"$outputs_copy"
  status=0
  "$(dirname "${BASH_SOURCE[0]}")/check-quotas.sh" "$stack" --outputs "$outputs_copy" "${quota_args[@]}" >&2 || status=$?
  rm -f "$outputs_copy"
  [ "$status" -eq 0 ] || exit "$status"
fi

# SageMaker copies everything under CheckpointConfig.S3Uri into a job when it starts or resumes, so
# each job gets a prefix of its own: two jobs sharing one would resume from each other's state.
# A stack with an MLflow App logs each job as a run of its experiment (MlflowConfig), named after the
# job unless --merge named it: MlflowRunName, 1 to 256 characters (botocore sagemaker 2017-07-24, read 2026-12-05).
request="$(jq -c --arg job "$job" '.TrainingJobName = $job
  | if .CheckpointConfig.S3Uri then .CheckpointConfig.S3Uri |= (sub("/*$"; "/") + $job + "/") else . end
  | if .MlflowConfig then .MlflowConfig.MlflowRunName //= $job else . end' <<<"$request")"

# MlflowConfig and ModelPackageConfig came to CreateTrainingJob on 2025-12-03; a CLI whose service
# model is older refuses them before sending anything ("Unknown parameter in input"). The job then
# starts without them, with a warning: it trains as before but logs no run and registers no model.
errors="$(mktemp)" || ti_fail "$TI_EXIT_ERROR" "cannot create a temporary file"
status=0
aws sagemaker create-training-job --region "$region" --cli-input-json "$request" --output json >/dev/null 2>"$errors" || status=$?
if [ "$status" -ne 0 ] && grep -qE 'Unknown parameter in input: "(MlflowConfig|ModelPackageConfig)"' "$errors"; then
  rm -f "$errors"
  ti_log "warning: this AWS CLI ($(aws --version 2>&1 | cut -d' ' -f1)) does not know MlflowConfig or ModelPackageConfig:" \
    "the job starts without them, logs no MLflow run and registers no model; update the AWS CLI, or register the model afterwards with scripts/register-model.sh"
  request="$(jq -c 'del(.MlflowConfig, .ModelPackageConfig)' <<<"$request")"
  ti_aws sagemaker create-training-job --region "$region" --cli-input-json "$request" >/dev/null
else
  cat "$errors" >&2
  rm -f "$errors"
  [ "$status" -eq 0 ] || ti_fail "$TI_EXIT_ERROR" "aws sagemaker create-training-job failed (see the message above)"
fi
console="https://$(ti_console_host "$region")/sagemaker/home?region=$region#/jobs/$job"
ti_log "started training job $job on stack $stack"
ti_log "checkpoints: $(jq -r '.CheckpointConfig.S3Uri // "none"' <<<"$request")"
printf '%s\n' "$console"

$wait || exit 0

if [ -z "$timeout" ]; then
  timeout=$(( $(jq -r '.StoppingCondition.MaxWaitTimeInSeconds // .StoppingCondition.MaxRuntimeInSeconds // 86400' <<<"$request") + 900 ))
fi
deadline=$(( SECONDS + timeout ))
last=""
while :; do
  described="$(ti_aws sagemaker describe-training-job --region "$region" --training-job-name "$job")"
  status="$(jq -r '.TrainingJobStatus' <<<"$described")"
  secondary="$(jq -r '.SecondaryStatus // ""' <<<"$described")"
  if [ "$status/$secondary" != "$last" ]; then
    ti_log "$job: $status${secondary:+ ($secondary)}"
    last="$status/$secondary"
  fi
  case "$status" in
    Completed) exit 0 ;;
    Failed)
      ti_fail "$TI_EXIT_JOB_FAILED" "training job $job failed: $(jq -r '.FailureReason // "no reason given"' <<<"$described")" ;;
    Stopped) ti_fail "$TI_EXIT_JOB_FAILED" "training job $job was stopped" ;;
  esac
  [ "$SECONDS" -lt "$deadline" ] \
    || ti_fail "$TI_EXIT_TIMEOUT" "training job $job is still $status after ${timeout}s; it goes on running: $console"
  sleep "$TI_POLL_SECONDS"
done
