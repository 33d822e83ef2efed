/** The Reddit code format plugin. */
package dev.breakglass.plugins.reddit;
