/**
 * The notification bell in the header.
 */
@org.springframework.modulith.NamedInterface("ui")
package dev.breakglass.notifications.ui;
