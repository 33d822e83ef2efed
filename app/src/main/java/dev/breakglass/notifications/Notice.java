package dev.breakglass.notifications;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One notification as its recipient sees it. */
public record Notice(UUID id, String message, UUID accountId, OffsetDateTime createdAt, boolean read) {}
