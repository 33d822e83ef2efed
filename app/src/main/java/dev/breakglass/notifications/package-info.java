/**
 * Telling people: in-app notifications (the bell) when an account's codes are viewed, used, replaced or deleted and
 * when break-glass requests are made and answered; and e-mail for the same, through a PostgreSQL outbox.
 */
package dev.breakglass.notifications;
