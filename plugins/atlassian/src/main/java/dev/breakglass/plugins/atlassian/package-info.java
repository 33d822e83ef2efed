/** The Atlassian code format plugin. */
package dev.breakglass.plugins.atlassian;
