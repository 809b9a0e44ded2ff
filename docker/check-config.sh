#!/usr/bin/env bash
# Checks that need no Docker engine: the compose file parses (as docker-compose 1.29 reads it, with
# and without the load profile), Prometheus accepts its configuration, Grafana's provisioning holds
# together (Grafana itself cannot run here), and HAProxy accepts its configuration when installed. The
# dashboard's metric names are checked against real scrapes by the system tests (DashboardMetricsTests).
set -euo pipefail
cd "$(dirname "$0")/.."

docker-compose -f docker-compose.yml config -q
docker-compose -f docker-compose.yml --profile load config -q
echo "ok - docker-compose.yml parses, with and without the load profile"
promtool check config docker/prometheus/prometheus.yml
echo "ok - docker/prometheus/prometheus.yml passes promtool"
# Debian's Python, which docker-compose 1.29 needs anyway, has PyYAML.
"$( [ -x /usr/bin/python3 ] && echo /usr/bin/python3 || echo python3)" docker/check-grafana.py
if command -v haproxy >/dev/null; then
	HAPROXY_BIND=127.0.0.1:8080 STOREFRONT_1=127.0.0.1:8081 STOREFRONT_2=127.0.0.1:8082 haproxy -c -q -f docker/haproxy/haproxy.cfg
	echo "ok - docker/haproxy/haproxy.cfg passes haproxy -c"
else
	echo "SKIPPED: haproxy is not installed, docker/haproxy/haproxy.cfg is not checked (apt-get install haproxy)"
fi
