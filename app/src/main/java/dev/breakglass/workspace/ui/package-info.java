/**
 * The Members page and its dialogs, the page where every member changes their own password, and the first-run
 * page that creates the first workspace.
 */
package dev.breakglass.workspace.ui;
