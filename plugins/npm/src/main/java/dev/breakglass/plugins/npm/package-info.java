/** The npm code format plugin. */
package dev.breakglass.plugins.npm;
