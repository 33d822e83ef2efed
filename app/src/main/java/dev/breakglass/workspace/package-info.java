/**
 * Workspaces and their people: creating a workspace with its first Owner (the command line and the first-run
 * page), members, their workspace roles and status, and the rules for who may change them.
 */
package dev.breakglass.workspace;
