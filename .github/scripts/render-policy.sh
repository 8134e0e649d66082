#!/usr/bin/env bash
# Renders one policy template of docs/policies: replaces every ${Name} with the value given as
# Name=value and prints the policy. Fails, printing nothing, when a placeholder has no value, a value
# names no placeholder, or the result is not JSON. IAM's own variables (${aws:username}) have a
# colon and are never placeholders; no template uses them.
#
#   render-policy.sh docs/policies/github-oidc-trust.json AccountId=111122223333 \
#     GitHubRepository=acme/training-infra Environment=production
set -euo pipefail

usage() { echo "usage: render-policy.sh <template.json> Name=value..." >&2; exit 2; }
[ $# -ge 1 ] || usage
template="$1"
shift
[ -r "$template" ] || { echo "cannot read the template $template" >&2; exit 2; }
command -v jq >/dev/null || { echo "jq is not installed" >&2; exit 3; }

text="$(cat "$template")"
for pair in "$@"; do
  [[ "$pair" =~ ^([A-Za-z][A-Za-z0-9]*)=(.+)$ ]] || { echo "not Name=value: $pair" >&2; usage; }
  name="${BASH_REMATCH[1]}" value="${BASH_REMATCH[2]}"
  [[ "$text" == *"\${$name}"* ]] || { echo "$template has no placeholder \${$name}" >&2; exit 2; }
  # A literal replacement: jq's split/join treats neither side as a pattern.
  text="$(jq -Rrs --arg from "\${$name}" --arg to "$value" 'split($from) | join($to)' <<<"$text")"
done

left="$(grep -oE '\$\{[A-Za-z][A-Za-z0-9]*\}' <<<"$text" | sort -u | tr '\n' ' ' || true)"
[ -z "$left" ] || { echo "$template still needs a value for: $left" >&2; exit 2; }
jq . <<<"$text" 2>/dev/null || { echo "$template did not render to JSON" >&2; exit 3; }
