/** The Proton code format plugin. */
package dev.breakglass.plugins.proton;
