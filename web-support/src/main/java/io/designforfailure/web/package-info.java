/**
 * What every service answers alike: RFC 9457 problem details that name the offending
 * {@code field}, for the service's own rules, for Spring MVC's rejections and for what
 * Tomcat rejects before Spring sees the request; and the input rules the services share.
 */
@NonNullApi
package io.designforfailure.web;

import org.springframework.lang.NonNullApi;
