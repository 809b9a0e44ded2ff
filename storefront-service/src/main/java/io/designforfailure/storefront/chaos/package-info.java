/**
 * The console's chaos controls: switches the dependencies' Chaos Monkey assaults, only
 * where {@code storefront.chaos.enabled} allows it.
 */
package io.designforfailure.storefront.chaos;
