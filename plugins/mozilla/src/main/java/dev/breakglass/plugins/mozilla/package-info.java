/** The Mozilla account code format plugin. */
package dev.breakglass.plugins.mozilla;
