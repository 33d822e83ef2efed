/** The WordPress.com code format plugin. */
package dev.breakglass.plugins.wordpress;
