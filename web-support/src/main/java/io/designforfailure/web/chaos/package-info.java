/**
 * Chaos Monkey for Spring Boot, adjusted so a fault switched off ends for every request
 * it holds.
 */
@NonNullApi
package io.designforfailure.web.chaos;

import org.springframework.lang.NonNullApi;
