/**
 * Who is signed in and what they may do: Spring Security set-up, the login view, and the access policy
 * every service asks before it reads or changes an account's data.
 */
package dev.breakglass.security;
