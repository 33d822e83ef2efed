/** The Slack code format plugin. */
package dev.breakglass.plugins.slack;
