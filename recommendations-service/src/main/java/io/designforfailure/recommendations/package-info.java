/**
 * The recommendations-service application and what its features share: the bad-input
 * problems and the id rules.
 */
package io.designforfailure.recommendations;
