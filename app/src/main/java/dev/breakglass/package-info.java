/**
 * The Breakglass application: one package per feature, each with a service as its only door.
 */
package dev.breakglass;
