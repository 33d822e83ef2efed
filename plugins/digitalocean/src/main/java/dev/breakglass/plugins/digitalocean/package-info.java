/** The DigitalOcean code format plugin. */
package dev.breakglass.plugins.digitalocean;
