/** The Steam code format plugin. */
package dev.breakglass.plugins.steam;
