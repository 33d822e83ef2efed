package dev.breakglass.crypto;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * For a test that rotates the local key in the shared Spring context: puts the key file back as it was after each
 * test and makes the keyring read it again, so later tests see the key versions they expect and the context need not
 * be thrown away ({@code @DirtiesContext} would cost a whole new context start).
 */
public class KeyringRestore implements BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KeyringRestore.class);

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        LocalKeyring keyring = keyring(context);
        context.getStore(NAMESPACE).put("saved", Files.readAllBytes(keyring.file()));
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        LocalKeyring keyring = keyring(context);
        byte[] saved = context.getStore(NAMESPACE).get("saved", byte[].class);
        Path file = keyring.file();
        Files.write(file, saved);
        keyring.reload();
    }

    private static LocalKeyring keyring(ExtensionContext context) {
        return SpringExtension.getApplicationContext(context)
                .getBean(CryptoConfiguration.LocalKeyringSource.class)
                .openOrCreate()
                .keyring();
    }
}
