/** The Salesforce plugin: the app has no backup codes. */
package dev.breakglass.plugins.salesforce;
