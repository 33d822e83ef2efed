/**
 * The admins' Plugins page: which format plugins are loaded, their versions, formats, state and errors. A module of
 * its own inside {@code formats}: like every page it sits in the main layout, while the layout's features (the
 * notification bell) lead back to backup codes, which read pastes through {@code formats}.
 */
@ApplicationModule(displayName = "Format plugins page")
package dev.breakglass.formats.ui;

import org.springframework.modulith.ApplicationModule;
