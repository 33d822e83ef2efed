/**
 * The Members page and its dialogs.
 */
package dev.breakglass.workspace.ui;
