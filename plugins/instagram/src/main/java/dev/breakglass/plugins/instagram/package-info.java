/** The Instagram code format plugin. */
package dev.breakglass.plugins.instagram;
