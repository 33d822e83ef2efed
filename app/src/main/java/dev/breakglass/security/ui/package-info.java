/**
 * The login page.
 */
package dev.breakglass.security.ui;
