/** The admins' Plugins page: which format plugins are loaded, their versions, formats, state and errors. */
package dev.breakglass.formats.ui;
