/**
 * The application shell: the main layout and the page-wide settings, and nothing feature-specific.
 */
package dev.breakglass.ui;
