package dev.breakglass.audit;

import java.util.UUID;

/** Something a filter can pick: a person or an account, by id, with its name. */
public record Choice(UUID id, String label) {}
