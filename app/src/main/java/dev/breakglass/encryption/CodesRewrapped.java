package dev.breakglass.encryption;

import java.util.UUID;

/**
 * A rewrap run moved stored codes to the newest key version (or failed to move some): every workspace's audit log
 * records it, since the key is the installation's. Counts only.
 *
 * @param actorId the installation operator who started it; null when the schedule did
 * @param codesRemaining codes still not on the newest key version afterwards
 * @param secretsChanged sign-in secrets (authenticator apps, single sign-on client secrets) moved with the codes
 * @param secretsRemaining sign-in secrets still not on the newest key version afterwards
 */
public record CodesRewrapped(
        UUID actorId,
        int setsDone,
        int codesChanged,
        int setsFailed,
        int codesRemaining,
        int secretsChanged,
        int secretsRemaining) {}
