package dev.breakglass.security;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Codes are held after an admin reset the member's password; the message says until when and how to end it. */
public class RevealHeldException extends RuntimeException {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'");

    public RevealHeldException(OffsetDateTime until) {
        super(
                "Your password was reset through an admin's link, so codes stay hidden until "
                        + WHEN.format(until.withOffsetSameInstant(ZoneOffset.UTC))
                        + ". To see them sooner, confirm it is you with a passkey or an authenticator app you had before the reset.");
    }
}
