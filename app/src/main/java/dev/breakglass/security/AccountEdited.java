package dev.breakglass.security;

import java.util.List;
import java.util.UUID;

/**
 * Published by the accounts feature (kept here so the audit log need not depend on it): an Owner changed an
 * account's settings. Notes are not secrets, but their content still stays out of the audit log: a change to
 * them is recorded by name only.
 *
 * @param changes the settings that changed with their old and new values, notes never among them
 * @param notesChanged whether the notes changed
 */
public record AccountEdited(
        UUID workspaceId, UUID actorId, UUID accountId, List<Change> changes, boolean notesChanged) {

    public AccountEdited {
        changes = List.copyOf(changes);
    }

    /** One setting, before and after; a value is null when it was or became empty. */
    public record Change(String setting, String before, String after) {}
}
