"""Checks what Grafana would otherwise only report when it starts, for machines that cannot run it
(Debian does not package Grafana and no image registry is reachable): the provisioning that
docker-compose.yml mounts points at the dashboards and the datasource they use, every panel has a
unique id and a place of its own, and every query names the provisioned datasource. Whether the
queries' metrics exist is docker/check-dashboard-metrics.sh's job.

Usage: python3 docker/check-grafana.py   (from the repository root; exits 1 on the first report)
"""
import glob
import json
import subprocess
import sys

import yaml

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


compose = yaml.safe_load(subprocess.run(["docker-compose", "-f", "docker-compose.yml", "config"], check=True,
                                        capture_output=True, text=True).stdout)
grafana = compose["services"]["grafana"]
mounts = {}
for volume in grafana["volumes"]:
    source, target = (volume["source"], volume["target"]) if isinstance(volume, dict) else volume.split(":")[:2]
    mounts[target] = source

provisioning = "docker/grafana/provisioning"
check("/etc/grafana/provisioning" in mounts and mounts["/etc/grafana/provisioning"].endswith(provisioning),
      f"docker-compose.yml mounts {provisioning} at /etc/grafana/provisioning")

datasources = {}
for file in glob.glob(f"{provisioning}/datasources/*.yml"):
    for source in yaml.safe_load(open(file, encoding="utf-8"))["datasources"]:
        datasources[source["uid"]] = source
check(datasources, "a datasource is provisioned")
for uid, source in datasources.items():
    service = source["url"].split("//")[1].split(":")[0]
    check(service in compose["services"], f"datasource {uid} points at {source['url']}, not a compose service")

dashboard_files = sorted(glob.glob("docker/grafana/dashboards/*.json"))
check(dashboard_files, "docker/grafana/dashboards holds dashboards")
for file in glob.glob(f"{provisioning}/dashboards/*.yml"):
    for provider in yaml.safe_load(open(file, encoding="utf-8"))["providers"]:
        path = provider["options"]["path"]
        check(path in mounts and mounts[path].endswith("docker/grafana/dashboards"),
              f"dashboard provider {provider['name']} reads {path}, where docker-compose.yml mounts no dashboards")

home = grafana["environment"].get("GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH", "")
check(any(home.endswith("/" + f.split("/")[-1]) for f in dashboard_files), f"the home dashboard {home} exists")


def panels(container):
    for panel in container.get("panels", []):
        yield panel
        yield from panels(panel)


uids = set()
for file in dashboard_files:
    dashboard = json.load(open(file, encoding="utf-8"))
    check(dashboard["uid"] not in uids, f"{file}: uid {dashboard['uid']} is used twice")
    uids.add(dashboard["uid"])
    ids, cells = set(), {}
    for panel in panels(dashboard):
        where = f"{file}: panel {panel.get('id')} '{panel.get('title')}'"
        check(panel.get("id") not in ids, f"{where}: id used twice")
        ids.add(panel.get("id"))
        check(panel.get("title"), f"{where}: has no title")
        grid = panel["gridPos"]
        check(grid["x"] + grid["w"] <= 24, f"{where}: wider than the dashboard")
        for x in range(grid["x"], grid["x"] + grid["w"]):
            for y in range(grid["y"], grid["y"] + grid["h"]):
                check((x, y) not in cells, f"{where}: overlaps panel {cells.get((x, y))}")
                cells[(x, y)] = panel.get("id")
        if panel["type"] == "row":
            continue
        check(panel.get("targets"), f"{where}: has no query")
        for target in [panel] + panel.get("targets", []):
            uid = target.get("datasource", {}).get("uid")
            check(uid in datasources, f"{where}: uses datasource {uid}, provisioned are {sorted(datasources)}")

if failures:
    for failure in dict.fromkeys(failures):
        print("FAIL: " + failure)
    sys.exit(1)
print(f"ok - Grafana provisioning: {len(datasources)} datasource(s), {len(dashboard_files)} dashboard(s), "
      f"{sum(1 for f in dashboard_files for _ in panels(json.load(open(f, encoding='utf-8'))))} panels in place")
