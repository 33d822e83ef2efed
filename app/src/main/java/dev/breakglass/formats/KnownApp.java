package dev.breakglass.formats;

/** An app a format plugin serves: the key an account stores and the name people read. */
public record KnownApp(String key, String name) {}
