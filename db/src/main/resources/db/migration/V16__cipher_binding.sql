-- How the ciphertexts of a code set are tied to their place (dev.breakglass.crypto.CipherBinding):
-- 1 = the account chooses the key and the set id is sealed with the code (every set saved before this migration);
-- 2 = account, set and position choose the key, so a ciphertext moved to another position does not decrypt either.
-- New sets name their binding explicitly (no default after this migration); the migrate-cipher job moves sets to 2.
ALTER TABLE backup_code_set ADD COLUMN cipher_binding smallint NOT NULL DEFAULT 1;
ALTER TABLE backup_code_set ALTER COLUMN cipher_binding DROP DEFAULT;
ALTER TABLE backup_code_set ADD CONSTRAINT backup_code_set_cipher_binding_ck CHECK (cipher_binding IN (1, 2));
