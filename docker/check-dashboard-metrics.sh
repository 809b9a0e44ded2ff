#!/usr/bin/env bash
# Fails when a Grafana panel queries a metric that the running services do not export, the way a
# dashboard quietly goes blank after a library renames its metrics.
#
# Usage: docker/check-dashboard-metrics.sh [--dashboard FILE]... [--prometheus URL] BASE_URL...
#   BASE_URL      a service's root, e.g. http://127.0.0.1:8080; its /actuator/prometheus is read.
#                 The metric names of all the given services are pooled.
#   --dashboard   the dashboard JSON to check (repeatable); default: every docker/grafana/dashboards/*.json
#   --prometheus  also has this Prometheus evaluate every query, which catches PromQL syntax errors.
# Names must appear literally in a scrape: a histogram's _bucket, _count and _sum series, a counter's
# _total. `up` is the one name allowed without a scrape: Prometheus itself makes it for each target.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
dashboards=()
prometheus=""
urls=()
while [ $# -gt 0 ]; do
	case "$1" in
	--dashboard)
		dashboards+=("$2")
		shift 2
		;;
	--prometheus)
		prometheus=$2
		shift 2
		;;
	-*)
		echo "unknown option $1" >&2
		exit 2
		;;
	*)
		urls+=("$1")
		shift
		;;
	esac
done
if [ ${#urls[@]} -eq 0 ]; then
	echo "usage: $0 [--dashboard FILE]... [--prometheus URL] BASE_URL..." >&2
	exit 2
fi
[ ${#dashboards[@]} -gt 0 ] || dashboards=("$here"/grafana/dashboards/*.json)

scrape=$(mktemp)
trap 'rm -f "$scrape"' EXIT
for url in "${urls[@]}"; do
	if ! curl -fsS --max-time 10 "${url%/}/actuator/prometheus" >>"$scrape"; then
		echo "FAIL: could not read ${url%/}/actuator/prometheus" >&2
		exit 1
	fi
done

python3 - "$scrape" "$prometheus" "${dashboards[@]}" <<'PY'
import json
import re
import sys
import urllib.error
import urllib.parse
import urllib.request

scrape_file, prometheus, dashboard_files = sys.argv[1], sys.argv[2], sys.argv[3:]

exported = set()
with open(scrape_file, encoding="utf-8") as scrape:
    for line in scrape:
        if line.strip() and not line.startswith("#"):
            exported.add(re.match(r"[a-zA-Z_:][a-zA-Z0-9_:]*", line).group(0))
made_by_prometheus = {"up"}

# Everything in PromQL that looks like a name but is not a metric.
keywords = {"by", "without", "on", "ignoring", "group_left", "group_right", "bool", "offset",
            "and", "or", "unless", "atan2", "inf", "nan"}


def metric_names(expr):
    """The metric names a PromQL expression selects."""
    names = set(re.findall(r'__name__\s*=\s*"([^"]+)"', expr))
    expr = re.sub(r'"(?:[^"\\]|\\.)*"', '""', expr)  # string literals
    expr = re.sub(r"\{[^}]*\}", " ", expr)  # label matchers
    expr = re.sub(r"\[[^\]]*\]", " ", expr)  # range and subquery windows
    # label lists after by/without/on/ignoring/group_left/group_right
    expr = re.sub(r"\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)", " ", expr)
    for match in re.finditer(r"(?<![\w.])([a-zA-Z_:][a-zA-Z0-9_:]*)(\s*\()?", expr):
        name, is_call = match.group(1), match.group(2)
        if not is_call and name.lower() not in keywords:
            names.add(name)
    return names


def panels(container):
    for panel in container.get("panels", []):
        yield panel
        yield from panels(panel)


missing = {}
queries = []
for dashboard_file in dashboard_files:
    with open(dashboard_file, encoding="utf-8") as f:
        dashboard = json.load(f)
    for panel in panels(dashboard):
        for target in panel.get("targets", []):
            expr = target.get("expr", "")
            if not expr:
                continue
            where = f'{dashboard["title"]} / {panel["title"]}'
            queries.append((where, expr))
            for name in metric_names(expr):
                if name not in exported and name not in made_by_prometheus:
                    missing.setdefault(name, set()).add(where)

failed = False
print(f"{len(queries)} queries in {len(dashboard_files)} dashboard(s), {len(exported)} metric names exported")
if missing:
    failed = True
    print(f"FAIL: {len(missing)} metric name(s) used by the dashboard are not exported:")
    for name in sorted(missing):
        print(f"  {name}  (used by: {'; '.join(sorted(missing[name]))})")

if prometheus:
    for where, expr in queries:
        url = prometheus.rstrip("/") + "/api/v1/query?" + urllib.parse.urlencode({"query": expr})
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                answer = json.load(response)
        except urllib.error.HTTPError as error:
            answer = json.load(error)
        if answer.get("status") != "success":
            failed = True
            print(f"FAIL: Prometheus rejects the query of {where}: {answer.get('error')}\n  {expr}")

if failed:
    sys.exit(1)
print("OK: every metric the dashboard queries is exported" + (", and Prometheus accepts every query" if prometheus else ""))
PY
