/**
 * The Members page and its dialogs, and the page where every member changes their own password.
 */
package dev.breakglass.workspace.ui;
