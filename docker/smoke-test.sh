#!/usr/bin/env bash
# Runs the system in Docker exactly as docker-compose.yml describes it and proves, against the real
# containers, that the storefront survives its dependencies: stop one, slow one down, bring it back.
#
# Usage (as root, after ./mvnw -B package):  bash docker/smoke-test.sh
#
# What it needs, and does only when missing:
# - a Docker engine: installed with apt-get and started for this run only (stopped again at the end);
# - the JRE base image: BASE_IMAGE if given, else docker-compose.yml's default (a public JRE image)
#   if present locally, else one built from Debian packages by docker/build-offline-images.sh and
#   kept for the next run. It never pulls from an image registry, so it runs where none is reachable;
# - Prometheus: the same way, PROMETHEUS_IMAGE, else the public image if present, else Debian's;
# - Grafana: started and checked only when its image is present locally (Debian does not package it).
# All traffic goes to ports published on 127.0.0.1. Every wait is bounded, and so is the whole run
# (SMOKE_TIMEOUT seconds, default 900). On failure it prints the containers' state and logs.
set -euo pipefail

if [ -z "${SMOKE_UNDER_TIMEOUT:-}" ]; then
	export SMOKE_UNDER_TIMEOUT=1
	exec timeout --kill-after=120 "${SMOKE_TIMEOUT:-900}" bash "$0" "$@"
fi

cd "$(dirname "$0")/.."
export COMPOSE_PROJECT_NAME=${SMOKE_PROJECT:-dff-smoke}
export STOREFRONT_PORT=${STOREFRONT_PORT:-18080} PROMETHEUS_PORT=${PROMETHEUS_PORT:-19090} GRAFANA_PORT=${GRAFANA_PORT:-13000}
storefront=http://127.0.0.1:$STOREFRONT_PORT
work=$(mktemp -d /tmp/dff-smoke.XXXXXX)
run_started=$SECONDS
passed=0
started_dockerd=""
compose_up=false
compose=()

log() { printf '%s [smoke %3ds] %s\n' "$(date +%H:%M:%S)" $((SECONDS - run_started)) "$*"; }
ok() {
	passed=$((passed + 1))
	log "ok - $*"
}

fail() {
	log "FAIL - $*"
	if $compose_up; then
		"${compose[@]}" ps || true
		"${compose[@]}" logs --no-color --tail=150 || true
	fi
	exit 1
}

cleanup() {
	local status=$?
	trap - EXIT
	if $compose_up; then
		log "tearing down"
		"${compose[@]}" down -v --remove-orphans --rmi local >"$work/down.log" 2>&1 || cat "$work/down.log"
		docker image prune -f --filter label=io.designforfailure.build-stage=layers >/dev/null 2>&1 || true
	fi
	if [ -n "$started_dockerd" ]; then
		log "stopping the Docker engine this run started (pid $started_dockerd)"
		kill "$started_dockerd" 2>/dev/null || true
		for _ in $(seq 1 30); do kill -0 "$started_dockerd" 2>/dev/null || break; sleep 1; done
	fi
	rm -rf "$work"
	echo "smoke: $passed passed, $((status == 0 ? 0 : 1)) failed"
	exit "$status"
}
trap cleanup EXIT
trap 'fail "interrupted or out of time"' INT TERM

apt_updated=false
install_packages() {
	if ! $apt_updated; then
		apt-get update -qq || fail "apt-get update failed"
		apt_updated=true
	fi
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >"$work/apt.log" 2>&1 || {
		cat "$work/apt.log"
		fail "could not install $*"
	}
}

# --- the engine ---------------------------------------------------------------------------------
for service in search-service recommendations-service storefront-service; do
	[ -f "$service/target/$service-0.1.0-SNAPSHOT.jar" ] \
		|| fail "$service/target/$service-0.1.0-SNAPSHOT.jar is missing: run ./mvnw -B package -DskipTests first"
done
command -v python3 >/dev/null || install_packages python3
command -v curl >/dev/null || install_packages curl
if ! docker info >/dev/null 2>&1; then
	command -v dockerd >/dev/null || install_packages docker.io
	log "starting a Docker engine for this run (log: /var/log/dff-smoke-dockerd.log)"
	dockerd >/var/log/dff-smoke-dockerd.log 2>&1 &
	started_dockerd=$!
	for _ in $(seq 1 60); do docker info >/dev/null 2>&1 && break; sleep 1; done
	docker info >/dev/null 2>&1 || {
		tail -30 /var/log/dff-smoke-dockerd.log
		fail "the Docker engine did not start"
	}
fi
if docker compose version >/dev/null 2>&1; then
	compose=(docker compose)
else
	command -v docker-compose >/dev/null || install_packages docker-compose
	compose=(docker-compose)
fi
log "engine $(docker version -f '{{.Server.Version}}'), compose: $("${compose[@]}" version --short 2>/dev/null || "${compose[@]}" version | head -1)"

# --- the images ---------------------------------------------------------------------------------
has_image() { docker image inspect "$1" >/dev/null 2>&1; }
# the default that docker-compose.yml gives ${NAME:-default}
compose_default() { sed -n "s/.*\${$1:-\([^}]*\)}.*/\1/p" docker-compose.yml | head -1; }
offline_images() {
	command -v debootstrap >/dev/null || install_packages debootstrap
	local started=$SECONDS
	bash docker/build-offline-images.sh "$1" || fail "could not build the offline $1 image"
	log "offline $1 image ready in $((SECONDS - started)) s"
}
if [ -z "${BASE_IMAGE:-}" ]; then
	if has_image "$(compose_default BASE_IMAGE)"; then
		BASE_IMAGE=$(compose_default BASE_IMAGE)
		export BASE_IMAGE
	else
		export BASE_IMAGE=designing-for-failure/jre:17
		has_image "$BASE_IMAGE" || offline_images jre
	fi
fi
has_image "$BASE_IMAGE" || fail "base image $BASE_IMAGE is not present on this machine"
if [ -z "${PROMETHEUS_IMAGE:-}" ]; then
	if has_image "$(compose_default PROMETHEUS_IMAGE)"; then
		PROMETHEUS_IMAGE=$(compose_default PROMETHEUS_IMAGE)
		export PROMETHEUS_IMAGE
	else
		export PROMETHEUS_IMAGE=designing-for-failure/prometheus:local
		has_image "$PROMETHEUS_IMAGE" || offline_images prometheus
	fi
fi
services=(storefront recommendations search prometheus)
grafana_image=${GRAFANA_IMAGE:-$(compose_default GRAFANA_IMAGE)}
if has_image "$grafana_image"; then
	services+=(grafana)
else
	log "SKIPPED: Grafana, its image $grafana_image is not on this machine and is not pulled"
fi
log "base image $BASE_IMAGE, Prometheus image $PROMETHEUS_IMAGE"

"${compose[@]}" down -v --remove-orphans >/dev/null 2>&1 || true
build_started=$SECONDS
"${compose[@]}" build >"$work/build.log" 2>&1 || {
	cat "$work/build.log"
	fail "docker compose build failed"
}
ok "built the three service images in $((SECONDS - build_started)) s"

# --- up and healthy -----------------------------------------------------------------------------
up_started=$SECONDS
compose_up=true
"${compose[@]}" up -d "${services[@]}" >"$work/up.log" 2>&1 || {
	cat "$work/up.log"
	fail "docker compose up failed"
}

container() { "${compose[@]}" ps -a -q "$1"; }

# waits until a service's container reports healthy (its image's HEALTHCHECK, curl on readiness)
wait_healthy() {
	local service=$1 limit=$2 status=""
	for _ in $(seq 1 "$limit"); do
		status=$(docker inspect -f '{{.State.Health.Status}}' "$(container "$service")" 2>/dev/null || true)
		[ "$status" = healthy ] && return 0
		sleep 1
	done
	fail "$service is not healthy after ${limit} s (status: ${status:-none})"
}

for service in search recommendations storefront; do wait_healthy "$service" 240; done
curl -fsS --max-time 5 "$storefront/actuator/health/readiness" >/dev/null || fail "storefront readiness on 127.0.0.1:$STOREFRONT_PORT"
healthy_seconds=$((SECONDS - up_started))
ok "storefront, recommendations and search healthy $healthy_seconds s after up"

# --- the storefront API -------------------------------------------------------------------------
# GET PATH: stores the body in $work/body and sets $code and $seconds.
get() {
	local out
	out=$(curl -sS -o "$work/body" -w '%{http_code} %{time_total}' --max-time 10 "$storefront$1") || out="000 10"
	code=${out% *}
	seconds=${out#* }
}

# field EXPR: evaluates a Python expression over the last body, bound to `b`
field() { python3 -c 'import json, sys; b = json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$work/body" "$1"; }

# expect_section PATH SECTION SOURCE DEGRADED SECONDS: retries for up to SECONDS until PATH answers
# 200 with the section from SOURCE, then checks the rest of its shape.
expect_section() {
	local path=$1 section=$2 source=$3 degraded=$4 limit=$5 got=""
	for _ in $(seq 1 "$limit"); do
		get "$path"
		if [ "$code" = 200 ]; then
			got=$(field "b['$section']['source']")
			[ "$got" = "$source" ] && break
		fi
		sleep 1
	done
	[ "$code" = 200 ] || fail "GET $path answered $code: $(head -c 300 "$work/body")"
	[ "$got" = "$source" ] || fail "GET $path: $section.source is '$got' after ${limit} s, expected '$source': $(head -c 300 "$work/body")"
	[ "$(field "str(b['$section']['degraded']).lower()")" = "$degraded" ] || fail "GET $path: $section.degraded is not $degraded: $(head -c 300 "$work/body")"
	[ "$(field "b['$section']['asOf'] is not None")" = True ] || fail "GET $path: $section has no asOf"
}

# expect_budget MAX: the last answer came within MAX seconds
expect_budget() {
	python3 -c 'import sys; sys.exit(float(sys.argv[1]) > float(sys.argv[2]))' "$seconds" "$1" \
		|| fail "the answer took $seconds s, more than $1 s"
}

home="/api/home?userId=smoke-user"
query="/api/search?q=Trail%20Running"

expect_section "$home" recommendations live false 90
[ "$(field "len(b['recommendations']['items']) > 0")" = True ] || fail "live recommendations are empty"
ok "home page: live recommendations ($(field "len(b['recommendations']['items'])") items)"

expect_section "$query" results live false 90
[ "$(field "len(b['results']['items']) > 0")" = True ] || fail "live search results are empty"
live_ids=$(field "[i['id'] for i in b['results']['items']]")
live_as_of=$(field "b['results']['asOf']")
ok "search: live results $live_ids"

# --- a dependency stopped -----------------------------------------------------------------------
"${compose[@]}" stop recommendations >/dev/null 2>&1 || fail "could not stop recommendations"
expect_section "$home" recommendations fallback true 30
expect_budget 1.5
[ "$(field "len(b['recommendations']['items']) > 0")" = True ] || fail "the fallback list is empty"
ok "recommendations stopped: home answers 200 in $seconds s with the generic list ($(field "b['recommendations']['reason']"))"

get "/api/products/p-0001"
[ "$code" = 200 ] || fail "product page answered $code with recommendations down: $(head -c 300 "$work/body")"
[ "$(field "b['product']['source']")" = live ] || fail "product section not live with search up: $(head -c 300 "$work/body")"
[ "$(field "b['related']['degraded']")" = True ] || fail "related section not degraded with recommendations down"
expect_budget 1.5
ok "recommendations stopped: product page answers 200 in $seconds s, product live, related degraded"

sleep 5
[ "$(docker inspect -f '{{.State.Status}}' "$(container recommendations)")" = exited ] \
	|| fail "recommendations did not stay stopped: the restart policy brought it back"
ok "a stopped dependency stays stopped (restart: unless-stopped)"

"${compose[@]}" start recommendations >/dev/null 2>&1 || fail "could not start recommendations"
wait_healthy recommendations 120
# The breaker may be open: it lets trial calls through after 10 s.
expect_section "$home" recommendations live false 60
ok "recommendations started again: home is live again"

# --- search stopped: the cache --------------------------------------------------------------------
"${compose[@]}" stop search >/dev/null 2>&1 || fail "could not stop search"
expect_section "$query" results cache true 30
expect_budget 1.5
[ "$(field "[i['id'] for i in b['results']['items']]")" = "$live_ids" ] || fail "cached results differ from the live ones"
[ "$(field "b['results']['asOf']")" = "$live_as_of" ] || fail "cached results do not carry their original asOf"
ok "search stopped: the same query answers 200 in $seconds s from the cache, original asOf kept ($(field "b['results']['reason']"))"

"${compose[@]}" start search >/dev/null 2>&1 || fail "could not start search"
wait_healthy search 120
expect_section "$query" results live false 60
ok "search started again: results are live again"

# --- search slowed down by Chaos Monkey -----------------------------------------------------------
assault() {
	"${compose[@]}" exec -T search curl -fsS -X POST localhost:8082/actuator/chaosmonkey/assaults \
		-H 'Content-Type: application/json' -d "$1" >/dev/null || fail "could not set the assault $1"
}
assault '{"level":1,"latencyActive":true,"latencyRangeStart":2000,"latencyRangeEnd":2000}'
slowest=0
for _ in 1 2 3 4 5; do
	get "$query"
	[ "$code" = 200 ] || fail "search under a 2 s latency assault answered $code"
	[ "$(field "b['results']['degraded']")" = True ] || fail "search under a 2 s latency assault was not degraded: $(head -c 300 "$work/body")"
	expect_budget 1.5
	slowest=$(python3 -c 'import sys; print(max(map(float, sys.argv[1:])))' "$slowest" "$seconds")
done
ok "search slowed to 2 s: 5 answers, all 200 and degraded ($(field "b['results']['source']"), $(field "b['results']['reason']")), slowest $slowest s"
assault '{"latencyActive":false}'
expect_section "$query" results live false 60
ok "latency assault off: results are live again"

# --- Prometheus and the dashboard ---------------------------------------------------------------
prometheus=http://127.0.0.1:$PROMETHEUS_PORT
targets_up() {
	curl -fsS --max-time 5 "$prometheus/api/v1/query?query=up" 2>/dev/null \
		| python3 -c 'import json, sys; r = json.load(sys.stdin)["data"]["result"]; print(sum(1 for s in r if s["value"][1] == "1"))'
}
up_targets=0
for _ in $(seq 1 60); do
	up_targets=$(targets_up || echo 0)
	[ "$up_targets" = 3 ] && break
	sleep 1
done
[ "$up_targets" = 3 ] || fail "Prometheus sees $up_targets of 3 services up"
ok "Prometheus scrapes all three services"

# The dependencies are not published, so their metrics are read from inside their containers.
for service in recommendations:8081 search:8082; do
	mkdir -p "$work/${service%:*}/actuator"
	"${compose[@]}" exec -T "${service%:*}" curl -fsS "localhost:${service#*:}/actuator/prometheus" >"$work/${service%:*}/actuator/prometheus" \
		|| fail "could not read the metrics of ${service%:*}"
done
bash docker/check-dashboard-metrics.sh --prometheus "$prometheus" \
	"$storefront" "file://$work/recommendations" "file://$work/search" || fail "the dashboard queries metrics the services do not export"
ok "every dashboard query names exported metrics and Prometheus accepts it"

if [[ " ${services[*]} " == *" grafana "* ]]; then
	grafana=http://127.0.0.1:$GRAFANA_PORT
	for _ in $(seq 1 90); do curl -fsS --max-time 5 "$grafana/api/health" >/dev/null 2>&1 && break; sleep 1; done
	curl -fsS --max-time 5 "$grafana/api/dashboards/uid/designing-for-failure" >/dev/null \
		|| fail "Grafana does not serve the provisioned dashboard"
	ok "Grafana serves the provisioned dashboard to an anonymous viewer"
fi

log "timings: image build $((up_started - build_started)) s, up to healthy $healthy_seconds s, whole run $((SECONDS - run_started)) s"
