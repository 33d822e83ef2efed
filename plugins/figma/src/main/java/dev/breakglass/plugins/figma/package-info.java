/** The Figma code format plugin. */
package dev.breakglass.plugins.figma;
