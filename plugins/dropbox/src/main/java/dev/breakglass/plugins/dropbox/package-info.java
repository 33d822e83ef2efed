/** The Dropbox code format plugin. */
package dev.breakglass.plugins.dropbox;
