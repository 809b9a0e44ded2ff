#!/bin/sh
# The entrypoint of the offline PostgreSQL image (docker/build-offline-images.sh), a stand-in for the
# official image's: on an empty volume it creates the cluster with POSTGRES_USER (default postgres) as
# its superuser, password POSTGRES_PASSWORD, and the database POSTGRES_DB (default: the user's name);
# then it runs PostgreSQL in the foreground as PID 1, listening on every address of the container.
# PostgreSQL refuses to run as root, so as root it hands the data directory to the postgres user and
# starts again as that user.
set -eu
PGDATA=${PGDATA:-/var/lib/postgresql/data}

if [ "$(id -u)" = 0 ]; then
	mkdir -p "$PGDATA" /run/postgresql
	chown -R postgres:postgres "$PGDATA" /run/postgresql
	chmod 700 "$PGDATA"
	exec setpriv --reuid=postgres --regid=postgres --init-groups "$0" "$@"
fi

if [ ! -s "$PGDATA/PG_VERSION" ]; then
	: "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD must be set, as with the official image}"
	user=${POSTGRES_USER:-postgres}
	db=${POSTGRES_DB:-$user}
	password_file=$(mktemp)
	printf '%s\n' "$POSTGRES_PASSWORD" >"$password_file"
	# Local socket connections (the health check's pg_isready, this script) are trusted; every
	# network connection needs the password.
	initdb --pgdata="$PGDATA" --username="$user" --pwfile="$password_file" --encoding=UTF8 \
		--auth-local=trust --auth-host=scram-sha-256 >/dev/null
	rm -f "$password_file"
	echo "host all all all scram-sha-256" >>"$PGDATA/pg_hba.conf"
	if [ "$db" != postgres ]; then
		echo "CREATE DATABASE \"$db\" OWNER \"$user\"" | postgres --single -D "$PGDATA" -j postgres >/dev/null
	fi
	echo "initialised $PGDATA: database $db, user $user"
fi

exec postgres -D "$PGDATA" -c listen_addresses='*' "$@"
