/**
 * The demo workspace "Acme", created on an empty database when {@code breakglass.demo} is on.
 */
package dev.breakglass.demo;
