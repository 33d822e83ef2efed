/** The X (Twitter) code format plugin. */
package dev.breakglass.plugins.x;
