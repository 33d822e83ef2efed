/**
 * The audit views: an account's Activity tab and the workspace Audit log page.
 */
@org.springframework.modulith.NamedInterface("ui")
package dev.breakglass.audit.ui;
