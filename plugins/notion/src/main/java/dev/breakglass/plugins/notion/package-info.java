/** The Notion code format plugin. */
package dev.breakglass.plugins.notion;
