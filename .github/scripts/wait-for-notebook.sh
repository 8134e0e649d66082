#!/usr/bin/env bash
# Waits until a SageMaker notebook instance is in a state that an update or a delete can start
# from, so that `pulumi up` and `pulumi destroy` do not fail on it. The provider stops a notebook
# before updating it and before deleting it only when it is InService, and SageMaker refuses
# StopNotebookInstance and DeleteNotebookInstance while it is Pending, Stopping, Updating or
# Deleting; the idle stop makes Stopping common.
#
#   wait-for-notebook.sh [--timeout SECONDS] [--poll SECONDS] <region> <notebook-name>
#
# Exit codes: 0 the notebook is InService, Stopped or Failed, or does not exist (nothing to wait
# for); 2 wrong usage; 3 an AWS call failed or answered something unexpected; 124 still in a
# transitional state when the time ran out.
set -euo pipefail

timeout=900
poll="${TI_POLL_SECONDS:-15}"
usage() { echo "usage: wait-for-notebook.sh [--timeout SECONDS] [--poll SECONDS] <region> <notebook-name>" >&2; exit 2; }
while [ $# -gt 0 ]; do
  case "$1" in
    --timeout) [[ "${2:-}" =~ ^[0-9]+$ ]] || usage; timeout="$2"; shift 2 ;;
    --poll) [[ "${2:-}" =~ ^[0-9]+$ ]] || usage; poll="$2"; shift 2 ;;
    -*) usage ;;
    *) break ;;
  esac
done
[ $# -eq 2 ] || usage
region="$1" name="$2"
# SageMaker's rule for notebook instance names (CreateNotebookInstance, NotebookInstanceName).
[[ "$name" =~ ^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$ ]] || { echo "not a notebook instance name: '$name'" >&2; exit 2; }
command -v aws >/dev/null || { echo "the aws CLI is not installed" >&2; exit 3; }
command -v jq >/dev/null || { echo "jq is not installed" >&2; exit 3; }

deadline=$((SECONDS + timeout))
errors="$(mktemp)"
trap 'rm -f "$errors"' EXIT
while :; do
  if ! answer="$(aws sagemaker describe-notebook-instance --region "$region" --notebook-instance-name "$name" --output json 2>"$errors")"; then
    # SageMaker answers an unknown notebook with ValidationException "RecordNotFound".
    if grep -q 'RecordNotFound' "$errors"; then
      echo "notebook $name does not exist in $region: nothing to wait for"
      exit 0
    fi
    cat "$errors" >&2
    echo "error: could not read the state of notebook $name in $region (see the message above)" >&2
    exit 3
  fi
  status="$(jq -r '.NotebookInstanceStatus // empty' <<<"$answer")"
  case "$status" in
    InService | Stopped | Failed)
      echo "notebook $name is $status"
      exit 0 ;;
    Pending | Stopping | Updating | Deleting) ;;
    *)
      echo "error: notebook $name is in a state this script does not know: '${status}'" >&2
      exit 3 ;;
  esac
  if [ "$SECONDS" -ge "$deadline" ]; then
    echo "error: notebook $name is still $status after ${timeout}s; an update or destroy would fail now. Wait for it (aws sagemaker describe-notebook-instance --notebook-instance-name $name) and run the job again." >&2
    exit 124
  fi
  echo "notebook $name is $status; waiting ${poll}s"
  sleep "$poll"
done
