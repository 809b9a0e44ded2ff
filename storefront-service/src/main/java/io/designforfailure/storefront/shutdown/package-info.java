/**
 * A restart nobody notices: on SIGTERM the replica says it is not ready, keeps serving
 * until its load balancer has noticed, and only then stops taking requests.
 */
package io.designforfailure.storefront.shutdown;
