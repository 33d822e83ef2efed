/** The GitLab code format plugin. */
package dev.breakglass.plugins.gitlab;
