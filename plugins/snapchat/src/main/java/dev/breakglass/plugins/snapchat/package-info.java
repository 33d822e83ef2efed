/** The Snapchat code format plugin. */
package dev.breakglass.plugins.snapchat;
