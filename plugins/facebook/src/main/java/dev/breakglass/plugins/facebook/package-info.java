/** The Facebook code format plugin. */
package dev.breakglass.plugins.facebook;
