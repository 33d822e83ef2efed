package dev.breakglass.crypto;

import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * The local keyring cipher outside the application, on a key file of its own: for tools that start no Spring
 * context, such as the JMH benchmarks. The application gets its {@link CodeCipher} from Spring.
 */
public final class LocalKeyringCiphers {

    private LocalKeyringCiphers() {}

    /** The local keyring cipher on this key file, created with one fresh key when it does not exist. */
    public static CodeCipher open(Path keyFile) {
        SecureRandom random = new SecureRandom();
        return new LocalKeyringCipher(LocalKeyring.openOrCreate(keyFile, random), random);
    }
}
