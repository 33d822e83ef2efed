/**
 * Logging that keeps secrets out of the log whatever the level: the log pattern's message and exception text pass
 * through {@link dev.breakglass.logging.SecretMask} (configured in {@code logback-spring.xml}).
 */
package dev.breakglass.logging;
