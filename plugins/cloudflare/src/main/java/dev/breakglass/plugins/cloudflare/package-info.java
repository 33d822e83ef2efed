/** The Cloudflare code format plugin. */
package dev.breakglass.plugins.cloudflare;
