/** JUnit helpers for plugin authors: check that fixtures read as the expected codes and that a format's facts hold. */
package dev.breakglass.plugin.testkit;
