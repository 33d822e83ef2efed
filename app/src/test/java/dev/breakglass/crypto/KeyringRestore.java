package dev.breakglass.crypto;

import static dev.breakglass.db.Tables.AUTHENTICATOR_APP;
import static dev.breakglass.db.Tables.BACKUP_CODE;
import static dev.breakglass.db.Tables.BACKUP_CODE_SET;
import static dev.breakglass.db.Tables.LOCAL_KEY_CHECK;
import static dev.breakglass.db.Tables.WORKSPACE_SSO;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jooq.DSLContext;
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
        forgetVersionsBeyond(context, keyring);
    }

    /**
     * The key-check values of versions the restored file does not hold, and the codes and sign-in secrets encrypted
     * with them, are what a later start would refuse or could not read: they go too, as if the rotation had never
     * happened.
     */
    private static void forgetVersionsBeyond(ExtensionContext context, LocalKeyring keyring) {
        DSLContext db = SpringExtension.getApplicationContext(context).getBean(DSLContext.class);
        int kept = keyring.currentVersion();
        db.deleteFrom(LOCAL_KEY_CHECK)
                .where(LOCAL_KEY_CHECK.KEY_VERSION.gt(kept))
                .execute();
        for (int version = kept + 1; version <= kept + 20; version++) {
            db.deleteFrom(BACKUP_CODE_SET)
                    .where(BACKUP_CODE_SET.ID.in(db.select(BACKUP_CODE.SET_ID)
                            .from(BACKUP_CODE)
                            .where(BACKUP_CODE.CIPHERTEXT.like("local:v" + version + ":%"))))
                    .execute();
            db.deleteFrom(AUTHENTICATOR_APP)
                    .where(AUTHENTICATOR_APP.SECRET_CIPHERTEXT.like("local:v" + version + ":%"))
                    .execute();
            db.deleteFrom(WORKSPACE_SSO)
                    .where(WORKSPACE_SSO.CLIENT_SECRET_CIPHERTEXT.like("local:v" + version + ":%"))
                    .execute();
        }
    }

    private static LocalKeyring keyring(ExtensionContext context) {
        return SpringExtension.getApplicationContext(context)
                .getBean(CryptoConfiguration.LocalKeyringSource.class)
                .openOrCreate()
                .keyring();
    }
}
