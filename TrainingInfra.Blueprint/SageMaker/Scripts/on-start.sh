#!/bin/bash
# TrainingInfra lifecycle configuration (OnStart): the notebook instance stops itself after
# IDLE_MINUTES without kernel or terminal activity. Self-contained: a notebook without direct
# internet access can download nothing when it starts, so the check is written out from here.
set -euo pipefail

IDLE_MINUTES=@IDLE_MINUTES@
CHECK_DIR=/usr/local/lib/training-infra
CHECK="$CHECK_DIR/idle-check.py"
UNIT=training-infra-idle-check

mkdir -p "$CHECK_DIR"
cat >"$CHECK" <<'PYTHON'
@IDLE_CHECK_PY@
PYTHON
chmod 0755 "$CHECK"
COMMAND="/usr/bin/python3 $CHECK --idle-minutes $IDLE_MINUTES"

# Every @CHECK_INTERVAL@ minutes: a systemd timer where systemd runs, cron otherwise. Neither
# blocks the start, which SageMaker fails after five minutes, and failing to schedule does not fail it.
scheduled=true
if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
  cat >"/etc/systemd/system/$UNIT.service" <<UNIT_FILE
[Unit]
Description=Stop this SageMaker notebook instance when it is idle
[Service]
Type=oneshot
ExecStart=$COMMAND
UNIT_FILE
  cat >"/etc/systemd/system/$UNIT.timer" <<UNIT_FILE
[Unit]
Description=Idle check of this SageMaker notebook instance
[Timer]
OnBootSec=@CHECK_INTERVAL@min
OnUnitActiveSec=@CHECK_INTERVAL@min
[Install]
WantedBy=timers.target
UNIT_FILE
  systemctl daemon-reload && systemctl enable --now "$UNIT.timer" || scheduled=false
elif command -v crontab >/dev/null 2>&1; then
  { crontab -l 2>/dev/null | grep -vF "$CHECK" || true; echo "*/@CHECK_INTERVAL@ * * * * $COMMAND >>/var/log/$UNIT.log 2>&1"; } | crontab - \
    || scheduled=false
else
  scheduled=false
fi
if [ "$scheduled" = false ]; then
  # A notebook that cannot start is worse than one that does not stop: say so and go on.
  echo "training-infra: could not schedule the idle check (no working systemd or cron); this notebook will not stop itself" >&2
fi
