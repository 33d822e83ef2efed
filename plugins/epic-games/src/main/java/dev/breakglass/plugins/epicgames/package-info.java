/** The Epic Games code format plugin. */
package dev.breakglass.plugins.epicgames;
