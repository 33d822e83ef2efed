package dev.breakglass.workspace;

import java.util.UUID;

/** An account named in a warning, such as the accounts a change leaves without an active Owner. */
public record AccountLabel(UUID accountId, String label) {}
