#!/usr/bin/env bash
# Builds the images that `docker compose` would otherwise pull from Docker Hub, from Debian packages
# alone, for machines that reach a Debian mirror but no image registry:
#   designing-for-failure/jre:17          OpenJDK 17 JRE + curl, a stand-in for eclipse-temurin:17-jre
#   designing-for-failure/jdk:17          OpenJDK 17 JDK + curl + unzip, a stand-in for eclipse-temurin:17-jdk
#   designing-for-failure/prometheus:local Debian's Prometheus, a stand-in for prom/prometheus
#   designing-for-failure/postgres:15     Debian's PostgreSQL 15, a stand-in for postgres:16 that honours
#                                          the same POSTGRES_DB/USER/PASSWORD variables (docker/postgres/)
#   designing-for-failure/redis:7         Debian's redis-server 7, a stand-in for redis:7
#   designing-for-failure/haproxy:2.6     Debian's HAProxy 2.6, a stand-in for haproxy:2.6
# Grafana is not packaged by Debian, so there is no offline stand-in for it.
# An image that already exists is kept (pass --force to rebuild). Needs root, debootstrap and docker.
#
# Usage: docker/build-offline-images.sh [--force] [jre|jdk|prometheus|postgres|redis|haproxy]...
set -euo pipefail

JRE_IMAGE=${JRE_IMAGE:-designing-for-failure/jre:17}
JDK_IMAGE=${JDK_IMAGE:-designing-for-failure/jdk:17}
PROMETHEUS_IMAGE=${PROMETHEUS_IMAGE:-designing-for-failure/prometheus:local}
POSTGRES_IMAGE=${POSTGRES_IMAGE:-designing-for-failure/postgres:15}
REDIS_IMAGE=${REDIS_IMAGE:-designing-for-failure/redis:7}
HAPROXY_IMAGE=${HAPROXY_IMAGE:-designing-for-failure/haproxy:2.6}
DEBIAN_SUITE=${DEBIAN_SUITE:-bookworm}
DEBIAN_MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
# The images share Debian's base packages: downloaded once, kept for the next run.
DEBOOTSTRAP_CACHE=${DEBOOTSTRAP_CACHE:-/var/cache/dff-debootstrap}

force=false
targets=()
for arg in "$@"; do
	case "$arg" in
	--force) force=true ;;
	jre | jdk | prometheus | postgres | redis | haproxy) targets+=("$arg") ;;
	*)
		echo "usage: $0 [--force] [jre|jdk|prometheus|postgres|redis|haproxy]..." >&2
		exit 2
		;;
	esac
done
[ ${#targets[@]} -gt 0 ] || targets=(jre jdk prometheus postgres redis haproxy)

# debootstraps a minimal Debian with the given packages, slims it and imports it as an image;
# extra arguments are `docker import --change` instructions.
import_debian() {
	local image=$1 packages=$2 prepare=$3 # prepare: a command run on the root file system before import
	shift 3
	if ! $force && docker image inspect "$image" >/dev/null 2>&1; then
		echo "$image already exists, kept"
		return
	fi
	local rootfs
	rootfs=$(mktemp -d /var/tmp/dff-rootfs.XXXXXX)
	trap 'rm -rf "$rootfs"' RETURN
	echo "debootstrap $DEBIAN_SUITE with $packages -> $image"
	mkdir -p "$DEBOOTSTRAP_CACHE"
	debootstrap --variant=minbase --cache-dir="$DEBOOTSTRAP_CACHE" --include="$packages" "$DEBIAN_SUITE" "$rootfs" "$DEBIAN_MIRROR" >"$rootfs.log" 2>&1 || {
		tail -30 "$rootfs.log" >&2
		rm -f "$rootfs.log"
		return 1
	}
	rm -f "$rootfs.log"
	"$prepare" "$rootfs"
	# The package caches and documentation are a third of the tree and serve nothing at run time.
	rm -rf "$rootfs"/var/cache/apt/* "$rootfs"/var/lib/apt/lists/* "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/*
	local changes=()
	for change in "$@"; do changes+=(--change "$change"); done
	tar -C "$rootfs" --numeric-owner -c . | docker import "${changes[@]}" - "$image" >/dev/null
	echo "built $image"
}

prepare_prometheus() {
	# prom/prometheus keeps its data in /prometheus; the compose file mounts a volume there.
	mkdir -p "$1/prometheus"
	chroot "$1" chown prometheus:prometheus /prometheus
}

prepare_postgres() {
	# The package's post-install made a cluster for Debian's own tooling; the entrypoint makes its own
	# in the volume, as the official image does.
	rm -rf "$1"/var/lib/postgresql/15/main "$1"/etc/postgresql/15/main
	install -m 755 "$(dirname "$0")/postgres/entrypoint.sh" "$1/usr/local/bin/docker-entrypoint.sh"
	mkdir -p "$1/var/lib/postgresql/data"
}

java_env() {
	echo "ENV JAVA_HOME=/usr/lib/jvm/java-17-openjdk-$(dpkg --print-architecture)"
}
base_env=('ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' 'ENV LANG=C.UTF-8')

for target in "${targets[@]}"; do
	case "$target" in
	jre)
		import_debian "$JRE_IMAGE" openjdk-17-jre-headless,curl true "$(java_env)" "${base_env[@]}"
		;;
	jdk)
		# The Maven wrapper downloads Maven with curl and unpacks the zip with unzip.
		import_debian "$JDK_IMAGE" openjdk-17-jdk-headless,curl,unzip true "$(java_env)" "${base_env[@]}"
		;;
	prometheus)
		import_debian "$PROMETHEUS_IMAGE" prometheus prepare_prometheus \
			'USER prometheus' 'WORKDIR /prometheus' 'EXPOSE 9090' 'ENTRYPOINT ["/usr/bin/prometheus"]' \
			'CMD ["--config.file=/etc/prometheus/prometheus.yml", "--storage.tsdb.path=/prometheus"]'
		;;
	postgres)
		# docker import cannot set STOPSIGNAL: docker-compose.yml sets stop_signal as the official image does.
		import_debian "$POSTGRES_IMAGE" postgresql-15 prepare_postgres \
			'ENV PATH=/usr/lib/postgresql/15/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
			'ENV LANG=C.UTF-8' 'ENV PGDATA=/var/lib/postgresql/data' 'VOLUME /var/lib/postgresql/data' \
			'EXPOSE 5432' 'ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]'
		;;
	redis)
		# Like the official image: the server in the foreground as an unprivileged user; compose gives the
		# settings on its command line (no config file, so none of Debian's daemon settings apply).
		import_debian "$REDIS_IMAGE" redis-server true "${base_env[@]}" 'USER redis' 'WORKDIR /var/lib/redis' \
			'EXPOSE 6379' 'CMD ["redis-server"]'
		;;
	haproxy)
		# compose runs it with its own configuration (docker/haproxy/haproxy.cfg) on an unprivileged port.
		import_debian "$HAPROXY_IMAGE" haproxy true "${base_env[@]}" 'USER haproxy' \
			'CMD ["haproxy", "-db", "-f", "/etc/haproxy/haproxy.cfg"]'
		;;
	esac
done
