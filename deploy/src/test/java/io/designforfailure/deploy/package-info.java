/**
 * Tests that read the Kubernetes manifests under {@code deploy/kubernetes} the way
 * kustomize would, and hold them to what the README promises: probes on the right health
 * groups, sized resources, a locked-down security context, a graceful shutdown that fits
 * its grace period, a storefront that survives disruptions, and dependencies only their
 * callers reach.
 */
package io.designforfailure.deploy;
