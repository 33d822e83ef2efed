/** The Microsoft code format plugin. */
package dev.breakglass.plugins.microsoft;
