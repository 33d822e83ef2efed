/**
 * Shared accounts: the card list, the account details page and its tabs, who has access as what (sharing), and
 * all-access for the workspace Owner and Super Admins.
 */
package dev.breakglass.account;
