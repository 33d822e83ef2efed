/**
 * The accounts list, the account details page with its Users tab, and the All accounts page.
 */
package dev.breakglass.account.ui;
