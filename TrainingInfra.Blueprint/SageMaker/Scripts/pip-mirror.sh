# shellcheck shell=bash

# TrainingInfra package mirror: pip on this notebook installs from the stack's CodeArtifact
# repository. A token lasts at most 12 hours, so the command that writes pip's configuration stays
# on the instance: run it again (as root) when pip is refused after a long session.
LOGIN=/usr/local/bin/training-infra-pip-login
# Like the idle check: a notebook that starts without the mirror is better than one that does not
# start, so nothing here may end the script.
if ! {
cat >"$LOGIN" <<'LOGIN_SCRIPT'
#!/bin/bash
set -euo pipefail
TOKEN=$(aws codeartifact get-authorization-token --domain @DOMAIN@ --domain-owner @OWNER@ --region @REGION@ \
  --query authorizationToken --output text)
umask 022
printf '[global]\nindex-url = https://aws:%s@%s\n' "$TOKEN" '@INDEX_HOST_PATH@' >/etc/pip.conf.new
mv /etc/pip.conf.new /etc/pip.conf
LOGIN_SCRIPT
chmod 0755 "$LOGIN" && timeout 60 "$LOGIN"
}; then
  echo "training-infra: could not point pip at the package mirror @DOMAIN@/@REPOSITORY@; run $LOGIN as root to retry" >&2
fi
