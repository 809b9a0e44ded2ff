#!/usr/bin/env bash
# Checks that need no Docker engine: the compose file parses (as docker-compose 1.29 reads it) and
# Prometheus accepts its configuration. The dashboard's metric names are checked against real scrapes
# by the system tests (system-tests, DashboardMetricsTests).
set -euo pipefail
cd "$(dirname "$0")/.."

docker-compose -f docker-compose.yml config -q
echo "ok - docker-compose.yml parses"
promtool check config docker/prometheus/prometheus.yml
echo "ok - docker/prometheus/prometheus.yml passes promtool"
