/**
 * JMH benchmarks of reading pastes, encrypting and decrypting code sets, and their floors (the shared paste
 * contract alone, raw AES-GCM of the same bytes, one JDBC batch insert of the same rows); see docs/benchmarks.md.
 */
package dev.breakglass.benchmarks;
