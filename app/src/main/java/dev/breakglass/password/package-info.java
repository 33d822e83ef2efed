/**
 * Passwords, from first to last: the policy a new password must meet, a member changing their own, the
 * one-time set-password links an admin issues, and the events the audit log records for each. It owns the
 * {@code password_hash} column of {@code app_user} and the {@code set_password_link} table.
 */
package dev.breakglass.password;
