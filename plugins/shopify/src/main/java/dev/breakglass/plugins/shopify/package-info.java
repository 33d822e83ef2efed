/** The Shopify code format plugin. */
package dev.breakglass.plugins.shopify;
