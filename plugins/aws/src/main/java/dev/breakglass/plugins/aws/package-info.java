/** The AWS plugin: the app has no backup codes. */
package dev.breakglass.plugins.aws;
