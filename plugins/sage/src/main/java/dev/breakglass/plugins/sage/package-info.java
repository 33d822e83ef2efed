/** The Sage code format plugin. */
package dev.breakglass.plugins.sage;
