package dev.breakglass.notifications;

import java.util.UUID;

/**
 * An e-mail was given up after its last attempt; the audit log records it for the workspace's admins.
 *
 * @param error what the mail server or connection said last, without the message's content
 */
public record MailDeliveryFailed(
        UUID workspaceId, UUID recipientId, UUID mailId, String kind, int attempts, String error) {}
