#!/usr/bin/env bash
# Creates (or re-creates the config of) a per-pull-request stack from the pr template.
# Stack config lives in Pulumi.<stack>.yaml beside Pulumi.yaml, and per-PR files are never
# committed, so every run rebuilds it from Pulumi.pr.yaml: the template stays the one source.
set -euo pipefail
stack="${1:?usage: pr-stack-config.sh prNNNN}"
[[ "$stack" =~ ^pr[0-9]+$ ]] || { echo "not a per-PR stack name: $stack" >&2; exit 1; }

if [ -n "${PULUMI_BACKEND_URL:-}" ]; then
  pulumi login "$PULUMI_BACKEND_URL"
fi

# The template must exist as a stack for its config to be copied; the first preview of a pull
# request creates it too, but a per-PR stack may be asked for first.
pulumi stack select --create pr

if pulumi stack select "$stack" 2>/dev/null; then
  pulumi config cp --stack pr --dest "$stack"
else
  pulumi stack init "$stack" --copy-config-from pr
fi
# Set explicitly although it defaults to the stack name: the stack's names must not change
# even if someone later sets a suffix in the pr template.
pulumi config set --stack "$stack" training-infra:environmentSuffix "$stack"
