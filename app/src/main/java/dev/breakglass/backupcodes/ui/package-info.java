/**
 * The Emergency controls section and its dialogs; the account details page places the section.
 */
@org.springframework.modulith.NamedInterface("ui")
package dev.breakglass.backupcodes.ui;
