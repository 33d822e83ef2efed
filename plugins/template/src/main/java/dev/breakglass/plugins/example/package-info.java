/** The template plugin: a format for the made-up Example App, to copy when adding an app. */
package dev.breakglass.plugins.example;
