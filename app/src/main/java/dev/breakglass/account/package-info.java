/**
 * Shared accounts: the card list, the account details page and its tabs.
 */
package dev.breakglass.account;
