/**
 * Shared test infrastructure: a real PostgreSQL per test context, the Karibu-Testing base class, fixtures.
 */
package dev.breakglass.testing;
