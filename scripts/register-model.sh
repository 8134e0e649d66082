#!/usr/bin/env bash
# Registers the model of a completed training job of a stack as a new version (model package) in
# the stack's model package group, awaiting manual approval, and prints the package's ARN on stdout
# and the group's console link on stderr. A job that SageMaker registered itself (started with the
# stack's ModelPackageConfig) is not registered twice: its package's ARN is printed instead.
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

usage() {
  cat >&2 <<'USAGE'
usage: register-model.sh <stack> <training-job> [options]

  --inference-image URI    the image that serves the model (default: the job's training image,
                           which for SageMaker's built-in algorithms serves inference too)
  --description TEXT       the version's description (default: names the job and the stack)
  --content-types LIST     comma-separated request types the model accepts (default: text/csv)
  --response-types LIST    comma-separated response types it answers with (default: text/csv)
  --outputs FILE           the stack's outputs as 'pulumi stack output --json' prints them
                           (default: $TRAINING_INFRA_OUTPUTS, else asks Pulumi)

Exit codes: 0 registered (or registered already); 1 the job failed or was stopped; 2 usage, or a
job that cannot be registered (not completed, no model artifact, not the stack's); 3 an AWS or
Pulumi call failed, or the stack lacks an output.
USAGE
  exit "$TI_EXIT_USAGE"
}

[ $# -ge 2 ] || usage
stack="$1" job="$2"
shift 2
image="" description="" content_types="text/csv" response_types="text/csv" outputs_file=""
while [ $# -gt 0 ]; do
  case "$1" in
    --inference-image) ti_require_value "$1" "${2:-}"; image="$2"; shift 2 ;;
    --description) ti_require_value "$1" "${2:-}"; description="$2"; shift 2 ;;
    --content-types) ti_require_value "$1" "${2:-}"; content_types="$2"; shift 2 ;;
    --response-types) ti_require_value "$1" "${2:-}"; response_types="$2"; shift 2 ;;
    --outputs) ti_require_value "$1" "${2:-}"; outputs_file="$2"; shift 2 ;;
    -h | --help) usage ;;
    *) ti_log "unknown option: $1"; usage ;;
  esac
done
if [ "${#job}" -gt 63 ] || ! [[ "$job" =~ ^[a-zA-Z0-9](-*[a-zA-Z0-9])*$ ]]; then
  ti_fail "$TI_EXIT_USAGE" "'$job' is not a training job name (1 to 63 letters, digits and hyphens)"
fi
for types in "$content_types" "$response_types"; do
  [[ "$types" =~ [^,] ]] || ti_fail "$TI_EXIT_USAGE" "--content-types and --response-types need at least one type"
done
# ModelPackageDescription: at most 1024 characters (botocore sagemaker 2017-07-24, EntityDescription).
[ "${#description}" -le 1024 ] || ti_fail "$TI_EXIT_USAGE" "--description is longer than SageMaker's 1024 characters"

ti_require_tools aws jq
ti_load_outputs "$stack" "$outputs_file"
region="$(ti_output Region)"
group="$(ti_output ModelPackageGroupName)"
stack_role="$(ti_output TrainingRoleArn)"

# DescribeTrainingJob (botocore sagemaker 2017-07-24 service-2.json, read 2026-12-05): RoleArn,
# TrainingJobStatus (InProgress, Completed, Failed, Stopping, Stopped, Deleting), ModelArtifacts
# .S3ModelArtifacts, AlgorithmSpecification.TrainingImage, and OutputModelPackageArn, "the output
# model package" of a job started with ModelPackageConfig. An unknown job is ResourceNotFound (exit 3).
described="$(ti_aws sagemaker describe-training-job --region "$region" --training-job-name "$job")"
[ -n "$described" ] || ti_fail "$TI_EXIT_ERROR" "SageMaker described no training job $job"
field() { jq -r --arg path "$1" 'getpath($path | split(".")) // empty | tostring' <<<"$described"; }

role="$(field RoleArn)"
[ "$role" = "$stack_role" ] || ti_fail "$TI_EXIT_USAGE" \
  "training job $job ran as ${role:-no role}, not as stack $stack's training role $stack_role (TrainingRoleArn): it is not this stack's job"
status="$(field TrainingJobStatus)"
case "$status" in
  Completed) ;;
  Failed | Stopped) ti_fail "$TI_EXIT_JOB_FAILED" "training job $job is $status: it has no model to register" ;;
  *) ti_fail "$TI_EXIT_USAGE" "training job $job is ${status:-of no known status}, not Completed: register its model once it has completed" ;;
esac

registered="$(field OutputModelPackageArn)"
if [ -n "$registered" ]; then
  ti_log "training job $job was registered by SageMaker already (its ModelPackageConfig): $registered; nothing created"
  printf '%s\n' "$registered"
  exit 0
fi
# A CLI whose service model predates these members leaves them out of its answer (botocore's
# parser keeps only the members its model knows), so a package SageMaker made would go unseen.
if [ -n "$(ti_output TrainingJobConfig | jq -r 'if type == "string" then fromjson else . end | .ModelPackageConfig // empty')" ] \
  && [ -z "$(field ModelPackageConfig)" ]; then
  ti_log "warning: the stack's TrainingJobConfig registers each job's model (ModelPackageConfig), but job $job shows" \
    "no ModelPackageConfig: it was started without it, or this AWS CLI is too old to show it (then check the group for a package of the job)"
fi

artifact="$(field ModelArtifacts.S3ModelArtifacts)"
[ -n "$artifact" ] || ti_fail "$TI_EXIT_USAGE" "training job $job has no model artifact (ModelArtifacts.S3ModelArtifacts): nothing to register"
[ -n "$image" ] || image="$(field AlgorithmSpecification.TrainingImage)"
[ -n "$image" ] || ti_fail "$TI_EXIT_USAGE" "training job $job names no TrainingImage (an algorithm resource?): pass --inference-image"
job_arn="$(field TrainingJobArn)"
[ -n "$description" ] || description="Model of SageMaker training job $job on stack $stack"

# CreateModelPackage (same model): a version of ModelPackageGroupName; InferenceSpecification needs
# Containers (1 to 15, each an Image) and, in the CLI v2.9 model, SupportedContentTypes and
# SupportedResponseMIMETypes. MetadataProperties has GeneratedBy (besides CommitId, Repository,
# ProjectId); CustomerMetadataProperties is a map of 1 to 50 keys, keys and values of letters,
# digits, spaces and _.:/=+-@.
request="$(jq -n --arg group "$group" --arg description "$description" --arg image "$image" --arg artifact "$artifact" \
  --arg job "$job" --arg job_arn "$job_arn" --arg stack "$stack" --arg content "$content_types" --arg response "$response_types" '{
  ModelPackageGroupName: $group,
  ModelPackageDescription: $description,
  ModelApprovalStatus: "PendingManualApproval",
  InferenceSpecification: {
    Containers: [{Image: $image, ModelDataUrl: $artifact}],
    SupportedContentTypes: ($content | split(",") | map(select(length > 0))),
    SupportedResponseMIMETypes: ($response | split(",") | map(select(length > 0)))
  },
  MetadataProperties: {GeneratedBy: $job_arn},
  CustomerMetadataProperties: {TrainingJobName: $job, Stack: $stack}
}')"
created="$(ti_aws sagemaker create-model-package --region "$region" --cli-input-json "$request")"
arn="$(jq -r '.ModelPackageArn // empty' <<<"$created")"
[ -n "$arn" ] || ti_fail "$TI_EXIT_ERROR" "SageMaker answered CreateModelPackage without a ModelPackageArn"

# No AWS page gives the console's address of a model group (searched 2026-12-05); this is the form
# that independent projects print for one (#/model-registry/<group>), unconfirmed against the console.
ti_log "registered the model of training job $job in $group, pending manual approval"
ti_log "console: https://$(ti_console_host "$region")/sagemaker/home?region=$region#/model-registry/$group"
printf '%s\n' "$arn"
