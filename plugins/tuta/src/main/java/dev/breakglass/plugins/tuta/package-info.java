/** The Tuta Mail code format plugin. */
package dev.breakglass.plugins.tuta;
