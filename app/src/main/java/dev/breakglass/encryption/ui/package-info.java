/**
 * The encryption admin page, for the workspace Owner and Super Admins; it calls
 * {@link dev.breakglass.backupcodes.CiphertextMaintenance} only.
 */
package dev.breakglass.encryption.ui;
