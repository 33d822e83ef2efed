/** The Apple Account code format plugin. */
package dev.breakglass.plugins.apple;
