/**
 * The Breakglass plugin SDK: the {@link dev.breakglass.plugin.CodeFormat} extension point a plugin implements to
 * read one app's backup codes, and the value types it exchanges with the application.
 */
package dev.breakglass.plugin;
