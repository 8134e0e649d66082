# shellcheck shell=bash
# Shared by the platform's commands (start-training-job.sh, submit-batch-job.sh, smoke-test.sh,
# check-quotas.sh, register-model.sh, empty-model-registry.sh): reading a stack's outputs, messages,
# console links, waiting for a job. Sourced, never run.
#
# Exit codes of every command: 0 done; 1 the job failed or was stopped; 2 wrong usage;
# 3 an AWS or Pulumi call failed, or the stack lacks an output; 4 an account quota is below what the
# stack needs (check-quotas.sh); 124 a wait ran out of time.

# shellcheck disable=SC2034 # the commands that source this file use them
readonly TI_EXIT_JOB_FAILED=1
readonly TI_EXIT_USAGE=2
readonly TI_EXIT_ERROR=3
# shellcheck disable=SC2034 # likewise
readonly TI_EXIT_QUOTA=4
# shellcheck disable=SC2034 # likewise
readonly TI_EXIT_TIMEOUT=124

# Seconds between two looks at a running job; the script tests set 0.
TI_POLL_SECONDS="${TI_POLL_SECONDS:-30}"

ti_log() { printf '%s\n' "$*" >&2; }

# ti_fail <exit code> <message...>
ti_fail() {
  local code="$1"
  shift
  printf 'error: %s\n' "$*" >&2
  exit "$code"
}

ti_require_tools() {
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null 2>&1 || ti_fail "$TI_EXIT_ERROR" "$tool is not installed (see the README's prerequisites)"
  done
}

# ti_aws <args...>: the aws CLI, JSON out; a failed call ends the command with TI_EXIT_ERROR.
# Used inside $(...), the exit ends the subshell and `set -e` carries its code to the script.
ti_aws() {
  aws "$@" --output json || ti_fail "$TI_EXIT_ERROR" "aws $1 $2 failed (see the message above)"
}

# ti_aws_except <error code> <args...>: ti_aws, except that a call AWS refuses with this error code
# prints nothing and succeeds, for the caller to handle; any other failure ends the command as in
# ti_aws. Both CLI majors name the code in "An error occurred (<code>) when calling ...".
ti_aws_except() {
  local code="$1"
  shift
  ti_aws_except_message "$code" "" "$@"
}

# ti_aws_except_message <error code> <text> <args...>: ti_aws_except, for a refusal whose message
# also contains this text (for a code as broad as ValidationException, which also means a bad request).
ti_aws_except_message() {
  local code="$1" text="$2" errors status=0
  shift 2
  errors="$(mktemp)" || ti_fail "$TI_EXIT_ERROR" "cannot create a temporary file"
  aws "$@" --output json 2>"$errors" || status=$?
  if [ "$status" -ne 0 ] && awk -v code="An error occurred ($code) when calling" -v text="$text" \
    'index($0, code) && (text == "" || index($0, text)) { found = 1 } END { exit !found }' "$errors"; then
    status=0
  else
    cat "$errors" >&2
  fi
  rm -f "$errors"
  [ "$status" -eq 0 ] || ti_fail "$TI_EXIT_ERROR" "aws $1 $2 failed (see the message above)"
}

# ti_load_outputs <stack> [outputs file]: sets TI_OUTPUTS to the stack's outputs as one JSON
# object. The file (or $TRAINING_INFRA_OUTPUTS) holds what `pulumi stack output --json` prints;
# without one, Pulumi is asked.
ti_load_outputs() {
  local stack="$1" file="${2:-${TRAINING_INFRA_OUTPUTS:-}}"
  if [ -n "$file" ]; then
    [ -r "$file" ] || ti_fail "$TI_EXIT_USAGE" "cannot read the outputs file $file"
    TI_OUTPUTS="$(jq -c 'if type == "object" then . else error("not an object") end' "$file" 2>/dev/null)" \
      || ti_fail "$TI_EXIT_USAGE" "$file is not a JSON object of stack outputs (pulumi stack output --json --stack $stack)"
  else
    command -v pulumi >/dev/null 2>&1 \
      || ti_fail "$TI_EXIT_ERROR" "pulumi is not installed: install it, or pass --outputs with the output of 'pulumi stack output --json --stack $stack'"
    TI_OUTPUTS="$(pulumi stack output --json --stack "$stack")" \
      || ti_fail "$TI_EXIT_ERROR" "could not read the outputs of stack $stack from Pulumi"
  fi
}

# ti_output <name>: one output as text (a JSON document for structured ones); missing is an error.
ti_output() {
  local value
  value="$(jq -r --arg name "$1" '.[$name] // empty | if type == "string" then . else tojson end' <<<"$TI_OUTPUTS")"
  [ -n "$value" ] \
    || ti_fail "$TI_EXIT_ERROR" "the stack has no output $1: was it deployed with this version of the program?"
  printf '%s\n' "$value"
}

# ti_console_host <region>: the console of the region's partition.
ti_console_host() {
  case "$1" in
    us-gov-*) printf 'console.amazonaws-us-gov.com\n' ;;
    *) printf '%s.console.aws.amazon.com\n' "$1" ;;
  esac
}

# ti_require_value <option> <value>: an option's value must be present.
ti_require_value() {
  if [ -z "${2:-}" ] || [ "${2#--}" != "$2" ]; then
    ti_fail "$TI_EXIT_USAGE" "$1 needs a value"
  fi
}

# ti_positive_integer <option> <value>
ti_positive_integer() {
  [[ "$2" =~ ^[1-9][0-9]*$ ]] || ti_fail "$TI_EXIT_USAGE" "$1 must be a positive number of seconds, not '$2'"
}
