/** The PlayStation Network code format plugin. */
package dev.breakglass.plugins.playstation;
