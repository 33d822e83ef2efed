/** The LinkedIn code format plugin. */
package dev.breakglass.plugins.linkedin;
