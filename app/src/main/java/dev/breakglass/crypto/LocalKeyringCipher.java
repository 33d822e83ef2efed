package dev.breakglass.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * The embedded default cipher, for development and evaluation: AES-256-GCM under a key derived with HKDF
 * from the current master key and the account id, with the account, code set and (from {@link CipherBinding#POSITION})
 * the code's position bound as associated data.
 * Ciphertexts read {@code local:v<version>:<base64 of nonce and sealed code>}.
 */
final class LocalKeyringCipher implements VersionedCipher {

    static final String NAME = "local";
    static final String PREFIX = "local:";
    private static final Pattern CIPHERTEXT = Pattern.compile("local:v(\\d{1,9}):([A-Za-z0-9_-]+)");
    private static final byte[] HKDF_SALT = "breakglass local keyring".getBytes(StandardCharsets.UTF_8);
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final LocalKeyring keyring;
    private final SecureRandom random;

    LocalKeyring keyring() {
        return keyring;
    }

    LocalKeyringCipher(LocalKeyring keyring, SecureRandom random) {
        this.keyring = keyring;
        this.random = random;
    }

    @Override
    public List<String> encryptAll(CipherContext context, List<String> plaintexts) {
        context.requireSize(plaintexts.size());
        int version = keyring.currentVersion();
        SecretKeySpec key = accountKey(version, context);
        List<String> ciphertexts = new ArrayList<>(plaintexts.size());
        for (int i = 0; i < plaintexts.size(); i++) {
            ciphertexts.add(seal(version, key, context.associatedData(i), plaintexts.get(i)));
        }
        return ciphertexts;
    }

    @Override
    public List<String> decryptAll(CipherContext context, List<String> ciphertexts) {
        context.requireSize(ciphertexts.size());
        AccountKeys keys = new AccountKeys(context);
        List<String> plaintexts = new ArrayList<>(ciphertexts.size());
        for (int i = 0; i < ciphertexts.size(); i++) {
            plaintexts.add(open(keys, context.associatedData(i), ciphertexts.get(i)));
        }
        return plaintexts;
    }

    @Override
    public List<String> rewrapAll(CipherContext context, List<String> ciphertexts) {
        context.requireSize(ciphertexts.size());
        int version = keyring.currentVersion();
        AccountKeys keys = new AccountKeys(context);
        SecretKeySpec key = keys.of(version);
        List<String> rewrapped = new ArrayList<>(ciphertexts.size());
        for (int i = 0; i < ciphertexts.size(); i++) {
            String ciphertext = ciphertexts.get(i);
            byte[] associatedData = context.associatedData(i);
            rewrapped.add(
                    versionOf(ciphertext) == version
                            ? ciphertext
                            : seal(version, key, associatedData, open(keys, associatedData, ciphertext)));
        }
        return rewrapped;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String label() {
        return "Local keyring";
    }

    /** Adds a new master key version; older ciphertexts keep decrypting with theirs. */
    @Override
    public int rotate() {
        return keyring.rotate();
    }

    @Override
    public int newestVersion() {
        return keyring.currentVersion();
    }

    int currentVersion() {
        return keyring.currentVersion();
    }

    static int versionOf(String ciphertext) {
        Matcher matcher = CIPHERTEXT.matcher(ciphertext);
        if (!matcher.matches()) {
            throw new CipherException("A stored code is not a local keyring ciphertext.");
        }
        return Integer.parseInt(matcher.group(1));
    }

    private String seal(int version, SecretKeySpec key, byte[] associatedData, String plaintext) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return PREFIX + "v" + version + ":"
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new CipherException("The codes could not be encrypted with the local keyring.", e);
        }
    }

    private String open(AccountKeys keys, byte[] associatedData, String ciphertext) {
        Matcher matcher = CIPHERTEXT.matcher(ciphertext);
        if (!matcher.matches()) {
            throw new CipherException("A stored code is not a local keyring ciphertext.");
        }
        int version = Integer.parseInt(matcher.group(1));
        byte[] in;
        try {
            in = Base64.getUrlDecoder().decode(matcher.group(2));
        } catch (IllegalArgumentException e) {
            throw new CipherException("A stored code is damaged and cannot be decrypted.");
        }
        if (in.length <= NONCE_BYTES) {
            throw new CipherException("A stored code is damaged and cannot be decrypted.");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, keys.of(version), new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData);
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new CipherException(
                    "A stored code failed its integrity check: it was altered or belongs to another account, set or position.");
        } catch (GeneralSecurityException e) {
            throw new CipherException("A stored code could not be decrypted with the local keyring.", e);
        }
    }

    /**
     * The account's keys for one call, derived once per key version: HKDF costs more than opening a code, and a set
     * holds codes of one or (while a rewrap is under way) a few versions.
     */
    private final class AccountKeys {

        private final CipherContext context;
        private final Map<Integer, SecretKeySpec> byVersion = new HashMap<>();

        AccountKeys(CipherContext context) {
            this.context = context;
        }

        SecretKeySpec of(int version) {
            return byVersion.computeIfAbsent(version, v -> accountKey(v, context));
        }
    }

    private SecretKeySpec accountKey(int version, CipherContext context) {
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        byte[] info = ("breakglass account key " + context.keyName()).getBytes(StandardCharsets.UTF_8);
        hkdf.init(new HKDFParameters(keyring.key(version), HKDF_SALT, info));
        byte[] derived = new byte[32];
        hkdf.generateBytes(derived, 0, derived.length);
        return new SecretKeySpec(derived, "AES");
    }
}
