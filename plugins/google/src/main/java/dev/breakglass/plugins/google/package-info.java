/** The Google code format plugin. */
package dev.breakglass.plugins.google;
