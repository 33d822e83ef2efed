/**
 * The encryption admin page; it calls {@link dev.breakglass.encryption.CiphertextMaintenance} only.
 */
package dev.breakglass.encryption.ui;
