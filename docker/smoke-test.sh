#!/usr/bin/env bash
# Runs the system in Docker exactly as docker-compose.yml describes it, built from source inside the
# images, and proves against the real containers that the storefront survives its dependencies: stop
# one, slow one down, stop the database, bring them back; that the two replicas share what they know
# through Redis, and that a rolling restart and a kill -9 of a replica under load fail no request
# through HAProxy; then lets the load generator browse.
#
# Usage (as root):  bash docker/smoke-test.sh
#
# It builds from this work tree: .dockerignore keeps every target/ folder out of the build context,
# so a host build cannot reach an image, and the images hold only what their build stage compiled.
# What it needs, and does only when missing:
# - a Docker engine: installed with apt-get and started for this run only (stopped again at the end);
# - the images it never pulls, so it runs where no image registry is reachable. For each of
#   BUILD_IMAGE (JDK), BASE_IMAGE (JRE), PROMETHEUS_IMAGE, POSTGRES_IMAGE, REDIS_IMAGE and
#   HAPROXY_IMAGE: the variable if given,
#   else docker-compose.yml's default if present locally, else a stand-in built from Debian packages
#   by docker/build-offline-images.sh and kept for the next run;
# - Maven artifacts: MAVEN_MIRROR_URL if given, else this machine's local Maven repository, served
#   on 127.0.0.1 (docker/serve-maven-repo.py) to a build with host networking; `./mvnw verify` filled
#   it, and the Maven distribution the wrapper downloads is added to it first;
# - Grafana: started and checked only when its image is present locally (Debian does not package it).
# All traffic goes to ports published on 127.0.0.1. Every wait is bounded, and so is the whole run
# (SMOKE_TIMEOUT seconds, default 1200). On failure it prints the containers' state and logs.
set -euo pipefail

if [ -z "${SMOKE_UNDER_TIMEOUT:-}" ]; then
	export SMOKE_UNDER_TIMEOUT=1
	exec timeout --kill-after=120 "${SMOKE_TIMEOUT:-1200}" bash "$0" "$@"
fi

cd "$(dirname "$0")/.."
export COMPOSE_PROJECT_NAME=${SMOKE_PROJECT:-dff-smoke}
export STOREFRONT_PORT=${STOREFRONT_PORT:-18080} PROMETHEUS_PORT=${PROMETHEUS_PORT:-19090} GRAFANA_PORT=${GRAFANA_PORT:-13000}
export ZIPKIN_PORT=${ZIPKIN_PORT:-19411}
storefront=http://127.0.0.1:$STOREFRONT_PORT
work=$(mktemp -d /tmp/dff-smoke.XXXXXX)
run_started=$SECONDS
passed=0
started_dockerd=""
started_mirror=""
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
		"${compose[@]}" --profile load down -v --remove-orphans --rmi local >"$work/down.log" 2>&1 || cat "$work/down.log"
		docker image prune -f --filter label=io.designforfailure.build-stage >/dev/null 2>&1 || true
	fi
	if [ -n "$started_mirror" ]; then
		kill "$started_mirror" 2>/dev/null || true
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
# local_or_offline VARIABLE OFFLINE_TARGET OFFLINE_IMAGE: exports VARIABLE as given, else as
# docker-compose.yml's default when that image is here, else as the offline stand-in, built if missing.
local_or_offline() {
	local variable=$1 target=$2 offline=$3
	if [ -z "${!variable:-}" ]; then
		if has_image "$(compose_default "$variable")"; then
			export "$variable=$(compose_default "$variable")"
		else
			export "$variable=$offline"
			has_image "$offline" || offline_images "$target"
		fi
	fi
	has_image "${!variable}" || fail "$variable ${!variable} is not present on this machine"
}
local_or_offline BUILD_IMAGE jdk designing-for-failure/jdk:17
local_or_offline BASE_IMAGE jre designing-for-failure/jre:17
local_or_offline PROMETHEUS_IMAGE prometheus designing-for-failure/prometheus:local
local_or_offline POSTGRES_IMAGE postgres designing-for-failure/postgres:15
local_or_offline REDIS_IMAGE redis designing-for-failure/redis:7
local_or_offline HAPROXY_IMAGE haproxy designing-for-failure/haproxy:2.6
services=(storefront storefront-1 storefront-2 redis recommendations search postgres prometheus zipkin)
grafana_image=${GRAFANA_IMAGE:-$(compose_default GRAFANA_IMAGE)}
if has_image "$grafana_image"; then
	services+=(grafana)
else
	log "SKIPPED: Grafana, its image $grafana_image is not on this machine and is not pulled"
fi
log "images: build $BUILD_IMAGE, base $BASE_IMAGE, $PROMETHEUS_IMAGE, $POSTGRES_IMAGE, $REDIS_IMAGE, $HAPROXY_IMAGE"

# --- the Maven repository the build stage reads -------------------------------------------------
if [ -z "${MAVEN_MIRROR_URL:-}" ]; then
	repository=${MAVEN_REPOSITORY:-$HOME/.m2/repository}
	# The wrapper's Maven distribution, which a host build keeps outside the repository, goes in too.
	distribution=$(sed -n 's|^distributionUrl=.*/org/apache/maven/apache-maven/\([^/]*\)/.*|\1|p' .mvn/wrapper/maven-wrapper.properties)
	for packaging in zip tar.gz; do
		[ -f "$repository/org/apache/maven/apache-maven/$distribution/apache-maven-$distribution-bin.$packaging" ] \
			&& continue
		./mvnw -B -q dependency:get -Dartifact="org.apache.maven:apache-maven:$distribution:$packaging:bin" -Dtransitive=false \
			>"$work/distribution.log" 2>&1 || {
			cat "$work/distribution.log"
			fail "could not put Maven $distribution ($packaging) into the local Maven repository"
		}
	done
	mirror_port=${SMOKE_MIRROR_PORT:-18765}
	# The interpreter itself, not a version manager's shim, so that the PID stopped at the end is the server's.
	"$(python3 -c 'import sys; print(sys.executable)')" docker/serve-maven-repo.py "$mirror_port" \
		"$repository" >"$work/mirror.log" 2>&1 &
	started_mirror=$!
	# The port stays the same from run to run: the URL is a build argument, and a new one would
	# invalidate the image's dependency layer.
	export MAVEN_MIRROR_URL=http://127.0.0.1:$mirror_port BUILD_NETWORK=host
	for _ in $(seq 1 20); do curl -fsS -o /dev/null "$MAVEN_MIRROR_URL/" 2>/dev/null && break; sleep 0.5; done
	# Alive after answering: the answer came from this server, not from another one on the port.
	curl -fsS -o /dev/null "$MAVEN_MIRROR_URL/" && kill -0 "$started_mirror" 2>/dev/null || {
		cat "$work/mirror.log"
		fail "the local Maven repository could not be served on 127.0.0.1:$mirror_port"
	}
	log "Maven artifacts from this machine's local repository, served on $MAVEN_MIRROR_URL (pid $started_mirror)"
fi

"${compose[@]}" --profile load down -v --remove-orphans >/dev/null 2>&1 || true
build_started=$SECONDS
# The classic builder that docker-compose 1.29 drives leaves a failed step's container behind otherwise.
build_options=()
[ "${compose[0]}" = docker-compose ] && build_options=(--force-rm)
"${compose[@]}" --profile load build "${build_options[@]}" >"$work/build.log" 2>&1 || {
	tail -150 "$work/build.log"
	fail "docker compose build failed"
}
build_seconds=$((SECONDS - build_started))
ok "built the service and load-generator images from source in $build_seconds s"

# --- up and healthy -----------------------------------------------------------------------------
up_started=$SECONDS
compose_up=true
"${compose[@]}" up -d "${services[@]}" >"$work/up.log" 2>&1 || {
	cat "$work/up.log"
	fail "docker compose up failed"
}

container() { "${compose[@]}" --profile load ps -a -q "$1"; }

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

for service in search recommendations storefront-1 storefront-2; do wait_healthy "$service" 240; done
# Through HAProxy, which takes a replica into rotation after two good readiness checks.
for _ in $(seq 1 30); do curl -fsS --max-time 5 "$storefront/actuator/health/readiness" >/dev/null && break; sleep 1; done
curl -fsS --max-time 5 "$storefront/actuator/health/readiness" >/dev/null || fail "storefront readiness through HAProxy on 127.0.0.1:$STOREFRONT_PORT"
healthy_seconds=$((SECONDS - up_started))
ok "both storefront replicas, recommendations and search healthy $healthy_seconds s after up, HAProxy serving"
wait_healthy postgres 60
ok "postgres healthy (pg_isready)"

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

# --- one answer's trace, read back from the compose zipkin ----------------------------------------
trace_id=$(curl -sS -D - -o /dev/null --max-time 10 "$storefront/api/products/p-0001?userId=smoke-user" \
	| tr -d '\r' | sed -n 's/^[Xx]-[Tt]race-[Ii]d: //p')
[ -n "$trace_id" ] || fail "the product page has no X-Trace-Id"
traced=""
for _ in $(seq 1 60); do
	traced=$(curl -fsS --max-time 5 "http://127.0.0.1:$ZIPKIN_PORT/api/v2/trace/$trace_id" 2>/dev/null \
		| python3 -c 'import json, sys; print(" ".join(sorted({s["localEndpoint"]["serviceName"] for s in json.load(sys.stdin)})))' \
		2>/dev/null || true)
	[ "$traced" = "recommendations-service search-service storefront-service" ] && break
	sleep 1
done
[ "$traced" = "recommendations-service search-service storefront-service" ] \
	|| fail "trace $trace_id in zipkin has spans of '$traced', not of all three services"
ok "one product page is one trace in zipkin, with spans of all three services ($trace_id)"

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

# --- search slowed down by Chaos Monkey, switched through the storefront's own chaos API ----------
chaos() {
	curl -fsS --max-time 10 -X POST "$storefront/api/chaos/$1" -H 'Content-Type: application/json' -d "$2" >/dev/null \
		|| fail "POST /api/chaos/$1 $2 failed"
}
chaos search '{"mode":"latency","latencyMs":2000}'
slowest=0
for _ in 1 2 3 4 5; do
	get "$query"
	[ "$code" = 200 ] || fail "search under a 2 s latency assault answered $code"
	[ "$(field "b['results']['degraded']")" = True ] || fail "search under a 2 s latency assault was not degraded: $(head -c 300 "$work/body")"
	expect_budget 1.5
	slowest=$(python3 -c 'import sys; print(max(map(float, sys.argv[1:])))' "$slowest" "$seconds")
done
ok "search slowed to 2 s: 5 answers, all 200 and degraded ($(field "b['results']['source']"), $(field "b['results']['reason']")), slowest $slowest s"
chaos search '{"mode":"off"}'
expect_section "$query" results live false 60
ok "latency assault off: results are live again"

# --- the database stopped -----------------------------------------------------------------------
"${compose[@]}" stop postgres >/dev/null 2>&1 || fail "could not stop postgres"
expect_section "$home" recommendations live false 30
get "/api/products/p-0002"
[ "$code" = 200 ] || fail "product page answered $code with the database down: $(head -c 300 "$work/body")"
ok "postgres stopped: home and product pages answer 200, recommendations live"
"${compose[@]}" start postgres >/dev/null 2>&1 || fail "could not start postgres"
wait_healthy postgres 60
get "/api/products/p-0003"
[ "$code" = 200 ] || fail "product page answered $code after the database came back"
ok "postgres started again: healthy, product page 200"

# --- replicas share what they know -----------------------------------------------------------------
# GET PATH from one replica directly (the replicas are not published), into $work/body
get_from() { "${compose[@]}" exec -T "$1" curl -fsS --max-time 10 "localhost:8080$2" >"$work/body"; }
# the shared entry of a normalized query, as Redis holds it
shared_entry() { "${compose[@]}" exec -T redis redis-cli GET "dff:v1:search:$1"; }
shared="/api/search?q=Hiking%20Boots"
# Only storefront-1 fetches it; its write to Redis is off the request thread and may be dropped or time out
# on a busy machine, so it fetches again until the entry is there.
for _ in $(seq 1 20); do
	get_from storefront-1 "$shared" || true
	[ -n "$(shared_entry "hiking boots" 2>/dev/null)" ] && break
	sleep 1
done
[ -n "$(shared_entry "hiking boots")" ] || fail "storefront-1's search never reached Redis"
"${compose[@]}" stop search >/dev/null 2>&1 || fail "could not stop search"
shared_entry "hiking boots" >"$work/body"
shared_as_of=$(field "b['asOf']")
got=""
for _ in $(seq 1 20); do
	get_from storefront-2 "$shared" && got=$(field "b['results']['source']")
	[ "$got" = cache ] && break
	sleep 1
done
[ "$got" = cache ] || fail "storefront-2: the query storefront-1 fetched is '$got', not cache: $(head -c 300 "$work/body")"
[ "$(field "b['results']['asOf']")" = "$shared_as_of" ] || fail "storefront-2: the shared answer lost its asOf"
ok "search stopped: storefront-2 answers a query only storefront-1 fetched, from Redis, with its asOf"
"${compose[@]}" start search >/dev/null 2>&1 || fail "could not start search"
wait_healthy search 120
expect_section "$query" results live false 60

# --- restarts nobody notices ----------------------------------------------------------------------
# Starts 60 requests a second of home, search and product pages through HAProxy, in the load-generator image
# (it targets the compose storefront and nothing else), until steady_result stops it (at most 10 minutes).
steady_load() {
	"${compose[@]}" --profile load run -d --no-deps --name "dff-steady-$1" --entrypoint java load-generator \
		-cp /app/benchmark.jar -Dloader.main=io.designforfailure.benchmark.replicas.ComposeLoad \
		org.springframework.boot.loader.launch.PropertiesLauncher 60 600 >"$work/steady-$1.log" 2>&1 || {
		cat "$work/steady-$1.log"
		fail "could not start the steady load"
	}
	sleep 10
}
# Stops the load and sets $steady to its result line and $failed to its failed requests.
steady_result() {
	docker stop -t 30 "dff-steady-$1" >/dev/null 2>&1 || fail "could not stop the steady load $1"
	steady=$(docker logs "dff-steady-$1" 2>&1 | grep '^steady load:' || true)
	docker rm -f "dff-steady-$1" >/dev/null 2>&1 || true
	[ -n "$steady" ] || fail "the steady load $1 printed no result"
	failed=$(sed -n 's/.*failed=\([0-9]*\).*/\1/p' <<<"$steady")
	log "$1: $steady"
}
replica_ready() {
	wait_healthy "$1" 180
	# HAProxy's rise (2 checks, 1 s apart) and a margin, before the next replica goes.
	sleep 4
}
steady_load rolling-restart
for replica in storefront-1 storefront-2; do
	"${compose[@]}" restart "$replica" >/dev/null 2>&1 || fail "could not restart $replica"
	replica_ready "$replica"
done
sleep 5
steady_result rolling-restart
[ "$failed" = 0 ] || fail "requests failed during the rolling restart: $steady"
ok "rolling restart of both replicas under 60 requests/s through HAProxy: $steady"

steady_load kill-9
kill -9 "$(docker inspect -f '{{.State.Pid}}' "$(container storefront-1)")" || fail "could not kill storefront-1"
# The restart policy brings a crashed replica back by itself.
sleep 5
replica_ready storefront-1
sleep 5
steady_result kill-9
[ -n "$failed" ] || fail "the steady load kill-9 counted nothing: $steady"
ok "kill -9 of a replica under 60 requests/s through HAProxy, $failed failed GETs (goal 0): $steady"

# --- the load generator ---------------------------------------------------------------------------
# storefront_sections_total, summed over its series and both replicas: every section the storefront served
sections_served() {
	for replica in storefront-1 storefront-2; do
		"${compose[@]}" exec -T "$replica" curl -fsS --max-time 5 localhost:8080/actuator/prometheus
	done | python3 -c '
import re, sys
print(int(sum(float(m.group(1)) for m in re.finditer(r"^storefront_sections_total\{[^}]*\} (\S+)$", sys.stdin.read(), re.M))))'
}
before=$(sections_served) || fail "could not read storefront_sections_total"
"${compose[@]}" --profile load up -d --no-deps load-generator >"$work/load.log" 2>&1 || {
	cat "$work/load.log"
	fail "could not start the load generator"
}
after=$before
for _ in $(seq 1 60); do
	after=$(sections_served || echo "$before")
	[ $((after - before)) -ge 20 ] && break
	sleep 1
done
[ $((after - before)) -ge 20 ] || fail "the load generator did not move storefront_sections_total ($before -> $after in 60 s)"
"${compose[@]}" --profile load stop load-generator >/dev/null 2>&1 || fail "could not stop the load generator"
load_exit=$(docker inspect -f '{{.State.ExitCode}}' "$(container load-generator)")
"${compose[@]}" --profile load logs --no-color load-generator >"$work/load-generator.log" 2>&1 || true
grep -q '; stopped$' "$work/load-generator.log" || {
	cat "$work/load-generator.log"
	fail "the load generator did not stop cleanly (exit $load_exit)"
}
[ "$load_exit" != 137 ] || fail "the load generator had to be killed"
ok "load generator: storefront_sections_total $before -> $after without a click, stopped cleanly ($(grep -o '[0-9]* in all' "$work/load-generator.log" | tail -1))"

# --- Prometheus and the dashboard ---------------------------------------------------------------
prometheus=http://127.0.0.1:$PROMETHEUS_PORT
targets_up() {
	curl -fsS --max-time 5 "$prometheus/api/v1/query?query=up" 2>/dev/null \
		| python3 -c 'import json, sys; r = json.load(sys.stdin)["data"]["result"]; print(sum(1 for s in r if s["value"][1] == "1"))'
}
up_targets=0
for _ in $(seq 1 60); do
	up_targets=$(targets_up || echo 0)
	[ "$up_targets" = 4 ] && break
	sleep 1
done
[ "$up_targets" = 4 ] || fail "Prometheus sees $up_targets of 4 targets up (two storefront replicas, recommendations, search)"
ok "Prometheus scrapes both storefront replicas and the two dependencies"

# The replicas and the dependencies are not published, so their metrics are read from inside their containers.
for service in storefront-1:8080 storefront-2:8080 recommendations:8081 search:8082; do
	mkdir -p "$work/${service%:*}/actuator"
	"${compose[@]}" exec -T "${service%:*}" curl -fsS "localhost:${service#*:}/actuator/prometheus" >"$work/${service%:*}/actuator/prometheus" \
		|| fail "could not read the metrics of ${service%:*}"
done
bash docker/check-dashboard-metrics.sh --prometheus "$prometheus" "file://$work/storefront-1" "file://$work/storefront-2" \
	"file://$work/recommendations" "file://$work/search" || fail "the dashboard queries metrics the services do not export"
ok "every dashboard query names exported metrics and Prometheus accepts it"

if [[ " ${services[*]} " == *" grafana "* ]]; then
	grafana=http://127.0.0.1:$GRAFANA_PORT
	for _ in $(seq 1 90); do curl -fsS --max-time 5 "$grafana/api/health" >/dev/null 2>&1 && break; sleep 1; done
	curl -fsS --max-time 5 "$grafana/api/dashboards/uid/designing-for-failure" >/dev/null \
		|| fail "Grafana does not serve the provisioned dashboard"
	ok "Grafana serves the provisioned dashboard to an anonymous viewer"
fi

log "timings: image build $build_seconds s, up to healthy $healthy_seconds s, whole run $((SECONDS - run_started)) s"
