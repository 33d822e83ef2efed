/**
 * The accounts list and the account details page.
 */
package dev.breakglass.account.ui;
