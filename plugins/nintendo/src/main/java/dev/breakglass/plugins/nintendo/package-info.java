/** The Nintendo Account code format plugin. */
package dev.breakglass.plugins.nintendo;
