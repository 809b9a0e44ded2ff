/**
 * The resilience console's report: the state of every guard, collected from the guards
 * and from what each feature reports, without knowing the features.
 */
package io.designforfailure.storefront.console;
