/**
 * Where the data lives: an embedded PostgreSQL under the data directory unless a database is configured, and the
 * application as the command-line commands run it against that database, without the web server.
 */
package dev.breakglass.database;
