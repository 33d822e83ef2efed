/**
 * Backup codes: saving, summarising and revealing an account's codes, behind {@link dev.breakglass.backupcodes.BackupCodeService}.
 */
package dev.breakglass.backupcodes;
