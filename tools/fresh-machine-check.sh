#!/usr/bin/env bash
# Runs the README's two commands the way new users do, each time from a fresh clone of this repository's
# committed HEAD, for each combination of user, folder and JDK below, and prints what each gave and how
# long it took.
#
#   tools/fresh-machine-check.sh                       every combination
#   tools/fresh-machine-check.sh root-private jdk25    only those
#   tools/fresh-machine-check.sh --verify-first ...    ./mvnw -B verify before ./demo up, whose build step
#                                                      then finds the jars current (what .ci/run does)
#
#   root-private  root, the clone in a folder other users cannot enter (mktemp -d: mode 0700)
#   user-home     an ordinary user, made for the check (FRESH_CHECK_USER, default dff-newcomer) and removed
#                 after it, the clone in their home folder and their own empty Maven repository: everything
#                 is downloaded, as on a new machine
#   space-path    root, the clone in a path with spaces in it
#   jdk25         root, in a folder other users cannot enter, with the Temurin 25 JDK as the only JDK on the
#                 PATH (JDK25_HOME, default /usr/lib/jvm/temurin-25-jdk-amd64)
#
# Each combination: git clone, ./demo up (builds what is missing, starts every process, waits until all
# are healthy), ./demo status (every process UP), ./demo down, ./mvnw -B verify. Every command is bounded
# (FRESH_CHECK_TIMEOUT seconds each, default 2700), every process it started is stopped, every clone
# removed. ./demo uses its fixed ports (8080-8082, 5432): run this where no demo runs. Needs root (to
# become the other user), git, and what the README needs.
set -euo pipefail

source_repo=$(cd "$(dirname "$0")/.." && pwd)
all=(root-private user-home space-path jdk25)
timeout_seconds=${FRESH_CHECK_TIMEOUT:-2700}
newcomer=${FRESH_CHECK_USER:-dff-newcomer}
jdk25=${JDK25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
verify_first=false
chosen=()
for arg in "$@"; do
	case "$arg" in
	--verify-first) verify_first=true ;;
	root-private | user-home | space-path | jdk25) chosen+=("$arg") ;;
	*)
		echo "usage: $0 [--verify-first] [${all[*]// /|}]..." >&2
		exit 2
		;;
	esac
done
[ ${#chosen[@]} -gt 0 ] || chosen=("${all[@]}")
[ "$(id -u)" = 0 ] || { echo "fresh-machine-check: run it as root: it checks root's case and becomes another user" >&2; exit 2; }

work=$(mktemp -d /tmp/dff-fresh-check.XXXXXX)
chmod 755 "$work"
started=$SECONDS
results=()
failed=0
# The combination running now: its clone (stopped and removed on any exit), and the shell that runs a
# command line as its user with its JDK: root's bash, or the user's login shell (their HOME, PATH and
# Maven repository).
clone=""
shell=()
made_user=false

log() { printf '%s [fresh %4ds] %s\n' "$(date +%H:%M:%S)" $((SECONDS - started)) "$*"; }

cleanup() {
	local status=$?
	trap - EXIT
	finish_clone
	if $made_user; then
		userdel --remove "$newcomer" >/dev/null 2>&1 || true
	fi
	rm -rf "$work"
	exit "$status"
}
trap cleanup EXIT
trap 'log "interrupted"; exit 130' INT TERM

as_user() { "${shell[@]}" "$1"; }

# Runs a shell command line in the clone.
in_clone() { as_user "cd $(printf %q "$clone") && $1"; }

# Stops what ./demo started in the current clone and removes it.
finish_clone() {
	[ -n "$clone" ] || return 0
	if [ -x "$clone/demo" ]; then
		in_clone "./demo down" >/dev/null 2>&1 || true
	fi
	rm -rf "$clone"
	clone=""
}

# step NAME COMMAND: runs it in the clone, bounded, its output kept aside; prints a line and records it.
step() {
	local name=$1 output="$work/$combination-${1//[^a-z]/-}.log" begun=$SECONDS
	if timeout --kill-after=60 "$timeout_seconds" "${shell[@]}" "cd $(printf %q "$clone") && $2" >"$output" 2>&1; then
		timings+=("$name $((SECONDS - begun)) s")
		log "$combination: $name: ok in $((SECONDS - begun)) s"
		return 0
	fi
	timings+=("$name FAILED after $((SECONDS - begun)) s")
	log "$combination: $name: FAILED after $((SECONDS - begun)) s; the end of its output:"
	tail -n 40 "$output" | sed 's/^/    /'
	return 1
}

git -C "$source_repo" bundle create "$work/repository.bundle" HEAD >/dev/null 2>&1
chmod 644 "$work/repository.bundle"
log "checking $(git -C "$source_repo" log -1 --format='%h %s' | cut -c1-80)"
# Every process ./demo up starts UP in ./demo status, which asks each one's health; the optional ones (the
# second storefront replica, which the tour starts) are not started by up.
optional=$(sed -n "s/^optional='\(.*\)'\$/\1/p" "$source_repo/demo")
all_up="./demo status | tee /dev/stderr | awk -v optional=' $optional ' '\$4 ~ /^http/ { if (index(optional, \" \" \$1 \" \")) next; n++; if (\$3 != \"UP\") down = 1 } END { exit down || !n }'"

for combination in "${chosen[@]}"; do
	shell=(bash -c)
	case "$combination" in
	root-private)
		clone="$(mktemp -d)/designing-for-failure"
		;;
	space-path)
		clone="$(mktemp -d)/with space/designing for failure"
		;;
	jdk25)
		if [ ! -x "$jdk25/bin/javac" ]; then
			results+=("$combination: SKIPPED, no JDK at $jdk25 (set JDK25_HOME)")
			log "${results[-1]}"
			continue
		fi
		clone="$(mktemp -d)/designing-for-failure"
		shell=(env "JAVA_HOME=$jdk25" "PATH=$jdk25/bin:$PATH" bash -c)
		;;
	user-home)
		if ! id "$newcomer" >/dev/null 2>&1; then
			if ! useradd --create-home --shell /bin/bash "$newcomer" 2>"$work/useradd.log"; then
				results+=("$combination: SKIPPED, could not create the user $newcomer: $(head -c 200 "$work/useradd.log")")
				log "${results[-1]}"
				continue
			fi
			made_user=true
		fi
		shell=(runuser --login "$newcomer" --command)
		clone="$(getent passwd "$newcomer" | cut -d: -f6)/designing-for-failure"
		;;
	esac
	timings=()
	begun=$SECONDS
	ok=true
	mkdir -p "$(dirname "$clone")"
	if ! as_user "git clone -q $(printf %q "$work/repository.bundle") $(printf %q "$clone")" >"$work/clone.log" 2>&1; then
		ok=false
		timings+=("git clone FAILED: $(head -c 300 "$work/clone.log")")
	fi
	log "$combination: as $(as_user 'id -un'), in $clone ($(stat -c %A "$(dirname "$clone")") above it), $(as_user 'java -version 2>&1 | head -n 1')"
	if $ok && $verify_first; then
		step "./mvnw -B verify" "./mvnw -B verify" || ok=false
		$ok && { step "./demo up" "./demo up && $all_up" || ok=false; }
	elif $ok; then
		step "./demo up" "./demo up && $all_up" || ok=false
		in_clone "./demo down" >/dev/null 2>&1 || true
		$ok && { step "./mvnw -B verify" "./mvnw -B verify" || ok=false; }
	fi
	finish_clone
	summary=$(printf '%s; ' "${timings[@]}")
	if $ok; then
		results+=("$combination: PASSED in $((SECONDS - begun)) s (${summary%; })")
	else
		failed=$((failed + 1))
		results+=("$combination: FAILED after $((SECONDS - begun)) s (${summary%; })")
	fi
done

echo
echo "fresh-machine check of $(git -C "$source_repo" log -1 --format=%h), $(date -u +%Y-%m-%dT%H:%MZ), $((SECONDS - started)) s in all:"
printf '  %s\n' "${results[@]}"
[ "$failed" -eq 0 ]
