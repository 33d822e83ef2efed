/**
 * Where the data lives: an embedded PostgreSQL under the data directory unless a database is configured.
 */
package dev.breakglass.database;
