/**
 * The set-password page a link opens, the page where a member changes their own password, and the dialog
 * that shows an admin a freshly issued link.
 */
@org.springframework.modulith.NamedInterface("ui")
package dev.breakglass.password.ui;
