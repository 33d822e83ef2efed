package dev.breakglass.encryption;

import java.util.UUID;

/** An administrator rotated the key new codes are encrypted with, from the encryption admin page. */
public record EncryptionKeyRotated(UUID workspaceId, UUID actorId, String cipher, int newVersion) {}
