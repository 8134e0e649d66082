"""Stops this SageMaker notebook instance when it has been idle for --idle-minutes.

Idle means: no kernel is busy, and neither a kernel nor a terminal has seen activity for that
long (the instance's boot counts as activity). Installed and scheduled by the TrainingInfra
lifecycle configuration; uses the standard library only, because a notebook without direct
internet access cannot install anything when it starts.
"""
import argparse
import json
import os
import shutil
import ssl
import subprocess
import sys
import urllib.error
import urllib.request
from datetime import datetime, timedelta, timezone

METADATA = "/opt/ml/metadata/resource-metadata.json"
JUPYTER = "https://localhost:8443"
SYSTEM_ENV = "/home/ec2-user/anaconda3/envs/JupyterSystemEnv/bin"


def get(base, path):
    context = ssl.create_default_context()
    # Jupyter serves the instance's own self-signed certificate on localhost.
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    with urllib.request.urlopen(base + path, context=context, timeout=10) as response:
        return json.load(response)


def parse(stamp):
    return datetime.fromisoformat(stamp.replace("Z", "+00:00"))


def booted_at():
    with open("/proc/uptime", encoding="ascii") as uptime:
        seconds = float(uptime.read().split()[0])
    return datetime.now(timezone.utc) - timedelta(seconds=seconds)


def last_activity(base, boot):
    """The time of the latest activity, or None while a kernel is busy."""
    latest = boot
    for session in get(base, "/api/sessions"):
        kernel = session.get("kernel") or {}
        if kernel.get("execution_state", "idle") != "idle":
            return None
        if kernel.get("last_activity"):
            latest = max(latest, parse(kernel["last_activity"]))
    try:
        terminals = get(base, "/api/terminals")
    except urllib.error.HTTPError as error:
        # A server with terminals switched off has no such route: there is no terminal to wait for.
        if error.code != 404:
            raise
        terminals = []
    for terminal in terminals:
        if not terminal.get("last_activity"):
            # A terminal that reports no activity time cannot be judged idle.
            return None
        latest = max(latest, parse(terminal["last_activity"]))
    return latest


def stop(name, region):
    """Stops the instance with the AWS CLI, or with boto3 where no CLI is installed."""
    for cli in (shutil.which("aws"), os.path.join(SYSTEM_ENV, "aws")):
        if cli and os.access(cli, os.X_OK):
            subprocess.run([cli, "sagemaker", "stop-notebook-instance", "--region", region,
                            "--notebook-instance-name", name], check=True)
            return
    for python in (os.path.join(SYSTEM_ENV, "python"), sys.executable):
        call = ("import boto3,sys; boto3.client('sagemaker', region_name=sys.argv[1])"
                ".stop_notebook_instance(NotebookInstanceName=sys.argv[2])")
        if os.access(python, os.X_OK) and subprocess.run([python, "-c", call, region, name]).returncode == 0:
            return
    raise SystemExit("idle-check: found neither the AWS CLI nor boto3 to stop the notebook")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--idle-minutes", type=int, required=True)
    parser.add_argument("--jupyter", default=JUPYTER)
    parser.add_argument("--metadata", default=METADATA)
    parser.add_argument("--booted-at", help="ISO 8601; read from /proc/uptime when absent")
    args = parser.parse_args()

    boot = parse(args.booted_at) if args.booted_at else booted_at()
    latest = last_activity(args.jupyter, boot)
    now = datetime.now(timezone.utc)
    if latest is None or now - latest < timedelta(minutes=args.idle_minutes):
        print(f"idle-check: in use (last activity {latest.isoformat() if latest else 'now'})")
        return
    with open(args.metadata, encoding="utf-8") as metadata:
        resource = json.load(metadata)
    name, region = resource["ResourceName"], resource["ResourceArn"].split(":")[3]
    print(f"idle-check: idle since {latest.isoformat()}, stopping {name}")
    stop(name, region)


if __name__ == "__main__":
    main()
