/** The Stripe code format plugin. */
package dev.breakglass.plugins.stripe;
