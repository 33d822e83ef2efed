/**
 * The audit log: an append-only record of who did what to which account, fed by the other features' events.
 */
package dev.breakglass.audit;
