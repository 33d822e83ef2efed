/** The Zoom code format plugin. */
package dev.breakglass.plugins.zoom;
