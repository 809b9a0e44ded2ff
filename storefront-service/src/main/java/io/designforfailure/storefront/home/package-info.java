/** The home page: recommendations for the visitor, saying where they came from. */
package io.designforfailure.storefront.home;
