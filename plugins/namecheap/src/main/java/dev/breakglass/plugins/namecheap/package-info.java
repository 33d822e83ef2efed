/** The Namecheap code format plugin. */
package dev.breakglass.plugins.namecheap;
