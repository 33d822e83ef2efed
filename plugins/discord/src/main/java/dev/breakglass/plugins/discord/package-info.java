/** The Discord code format plugin. */
package dev.breakglass.plugins.discord;
