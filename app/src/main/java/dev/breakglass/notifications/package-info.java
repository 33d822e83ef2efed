/**
 * In-app notifications: the other Owners of an account hear when its codes are viewed, used, replaced or deleted.
 */
package dev.breakglass.notifications;
