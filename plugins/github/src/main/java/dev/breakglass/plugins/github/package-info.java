/** The GitHub code format plugin. */
package dev.breakglass.plugins.github;
