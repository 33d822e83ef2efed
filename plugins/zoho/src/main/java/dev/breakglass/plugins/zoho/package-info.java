/** The Zoho code format plugin. */
package dev.breakglass.plugins.zoho;
