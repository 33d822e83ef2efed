/**
 * How stored codes are encrypted, and keeping them on the newest key: key rotation, the rewrap and
 * migrate-cipher jobs (from the admin page, the schedule and the command line), and the encryption admin page.
 * It rewrites the ciphertext columns of {@code backup_code} one code set per transaction and never sees a
 * plaintext outside the cipher port.
 */
package dev.breakglass.encryption;
