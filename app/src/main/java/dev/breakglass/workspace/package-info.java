/**
 * The people of a workspace: members, their workspace roles and status, and the rules for who may change them.
 */
package dev.breakglass.workspace;
