/** The HubSpot code format plugin. */
package dev.breakglass.plugins.hubspot;
