/**
 * Replicas behind a load balancer: a rolling restart and a {@code kill -9} under steady
 * load, counting every failed request, and what a broken Redis costs a request.
 */
package io.designforfailure.benchmark.replicas;
