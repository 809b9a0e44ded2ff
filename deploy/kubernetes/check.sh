#!/usr/bin/env bash
# Renders the Kubernetes manifests (base and every overlay) with `kubectl kustomize` and parses them
# client-side, without a cluster:
#  - every rendered object decodes, with apiVersion, kind and name (`kubectl label --local`);
#  - the Deployments and the StatefulSet decode into kubectl's typed objects, so a wrong type
#    (a string where a port number belongs) fails here (`kubectl set env --local`);
#  - every object carries the namespace, the chaos overlay renders the same objects as the base
#    with Chaos Monkey switched on, and the traces overlay adds zipkin to them.
# What the manifests promise (probes, limits, policies) is tested by the deploy module's tests.
# KUBECTL picks the binary; Debian's kubectl 1.20 (package kubernetes-client) is the oldest it supports.
set -euo pipefail
cd "$(dirname "$0")"
kubectl=${KUBECTL:-kubectl}
# No cluster, no kubeconfig: nothing here may reach a server.
export KUBECONFIG=/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

names() {
	"$kubectl" label --local -f "$1" -o name checked=true | sed -E 's/-config-[a-z0-9]{10}$/-config/'
}

for dir in base overlays/*; do
	rendered="$work/$(basename "$dir").yaml"
	"$kubectl" kustomize "$dir" >"$rendered" 2> >(grep -v "'bases' is deprecated" >&2)
	names "$rendered" >"$work/$(basename "$dir").names"
	awk 'BEGIN { RS = "\n---\n" } /(^|\n)kind: (Deployment|StatefulSet)\n/ { print "---"; print }' "$rendered" \
		>"$work/workloads.yaml"
	"$kubectl" set env --local -f "$work/workloads.yaml" -o name CHECKED=true >"$work/workloads.names"
	# The base's five (storefront, recommendations, search, redis and postgres); the traces overlay adds the viewer.
	expected=5
	[ "$dir" != overlays/traces ] || expected=6
	[ "$(wc -l <"$work/workloads.names")" -eq "$expected" ] || { echo "$dir: expected $expected workloads" >&2; exit 1; }
	objects=$(grep -c '^kind: ' "$rendered")
	namespaced=$(grep -c '^  namespace: designing-for-failure$' "$rendered")
	# The Namespace object itself is the one without a namespace.
	[ "$namespaced" -eq $((objects - 1)) ] || { echo "$dir: $((objects - 1 - namespaced)) objects without the namespace" >&2; exit 1; }
	echo "$dir: $objects objects rendered and parsed"
done

cmp -s "$work/base.names" "$work/chaos.names" || { echo "overlays/chaos renders other objects than base" >&2; exit 1; }
[ "$(grep -c '^  SPRING_PROFILES_ACTIVE: chaos-monkey$' "$work/chaos.yaml")" -eq 2 ] \
	&& grep -q '^  STOREFRONT_CHAOS_ENABLED: "true"$' "$work/chaos.yaml" \
	|| { echo "overlays/chaos does not switch chaos on" >&2; exit 1; }
echo "overlays/chaos: the base's objects, with Chaos Monkey on"

diff <(cat "$work/base.names") <(grep -v '/zipkin$' "$work/traces.names") >/dev/null \
	&& [ "$(grep -c '/zipkin$' "$work/traces.names")" -eq 3 ] \
	&& [ "$(grep -c '^  MANAGEMENT_ZIPKIN_TRACING_ENDPOINT: http://zipkin:9411/api/v2/spans$' "$work/traces.yaml")" -eq 3 ] \
	|| { echo "overlays/traces is not the base plus zipkin, with every service sending it spans" >&2; exit 1; }
echo "overlays/traces: the base's objects and zipkin, every service sending it spans"
