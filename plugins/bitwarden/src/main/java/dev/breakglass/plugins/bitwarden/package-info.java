/** The Bitwarden code format plugin. */
package dev.breakglass.plugins.bitwarden;
