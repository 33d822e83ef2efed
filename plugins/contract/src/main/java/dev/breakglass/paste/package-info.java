/**
 * The parsing contract every format shares, implemented once: turning pasted text into a prepared
 * {@link dev.breakglass.plugin.Paste} and a format's reading into the final ordered list of codes. The application and
 * the plugin test kit both use it, so a fixture reads the same in a plugin's tests as in Breakglass.
 */
package dev.breakglass.paste;
