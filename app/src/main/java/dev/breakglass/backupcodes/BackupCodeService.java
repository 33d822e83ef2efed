package dev.breakglass.backupcodes;

import dev.breakglass.crypto.CipherContext;
import dev.breakglass.crypto.CodeCipher;
import dev.breakglass.formats.CodeFormats;
import dev.breakglass.formats.FormatInfo;
import dev.breakglass.formats.ParsedCodes;
import dev.breakglass.formats.PasteRejectedException;
import dev.breakglass.security.AccessPolicy;
import dev.breakglass.security.AccountGrant;
import dev.breakglass.security.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The only door to an account's backup codes. Every method checks the caller's access itself; a refusal
 * looks like a missing account.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class BackupCodeService {

    private final AccessPolicy access;
    private final CodeFormats formats;
    private final CodeCipher cipher;
    private final BackupCodeRepository codes;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;

    BackupCodeService(AccessPolicy access, CodeFormats formats, CodeCipher cipher, BackupCodeRepository codes,
            TransactionTemplate transaction, ApplicationEventPublisher events) {
        this.access = access;
        this.formats = formats;
        this.cipher = cipher;
        this.codes = codes;
        this.transaction = transaction;
        this.events = events;
    }

    /** What the account's Emergency controls show this user: Owners and Collaborators alike. */
    public CodesOverview overview(UUID accountId) {
        AccountGrant grant = access.requireAccountAccess(accountId);
        return new CodesOverview(codes.findActiveSummary(accountId), grant.mayKeepCodes());
    }

    /**
     * What a paste would save, for the dialog to show while the user pastes, with what the app's plugin says about
     * its codes (its settings page, or that it has none). Saves nothing.
     */
    public PastePreview preview(UUID accountId, String pastedText) {
        access.requireCodeKeeper(accountId);
        String appKey = codes.appKeyOf(accountId);
        Optional<FormatInfo> app = formats.appFormat(appKey);
        String appName = formats.appName(appKey);
        Optional<String> settingsPage = app.flatMap(FormatInfo::settingsPage);
        boolean appHasCodes = app.map(FormatInfo::supportsBackupCodes).orElse(true);
        try {
            ParsedCodes parsed = formats.parse(pastedText, appKey);
            return new PastePreview(parsed.formatName(), parsed.codes().size(), parsed.unreadableLines(), Optional.empty(),
                    parsed.notice(), appName, settingsPage, appHasCodes);
        } catch (PasteRejectedException e) {
            return new PastePreview(null, 0, List.of(), Optional.of(e.problem()), Optional.empty(), appName, settingsPage,
                    appHasCodes);
        }
    }

    /**
     * Saves the codes found in a paste as the account's set: every code encrypted on its own, the set, its
     * codes and the audit event in one transaction.
     *
     * @throws PasteRejectedException when the paste cannot be read as codes; nothing is saved
     * @throws CodesAlreadySavedException when the account already has codes; nothing is saved
     */
    public CodeSetSummary saveCodes(UUID accountId, String pastedText) {
        AccountGrant grant = access.requireCodeKeeper(accountId);
        ParsedCodes parsed = formats.parse(pastedText, codes.appKeyOf(accountId));
        if (codes.hasActiveSet(accountId)) {
            throw new CodesAlreadySavedException();
        }
        UUID setId = UUID.randomUUID();
        // Encrypt before the transaction opens: a slow cipher must not hold database locks.
        List<String> ciphertexts = cipher.encryptAll(new CipherContext(accountId, setId), parsed.codes());
        UUID workspaceId = grant.user().workspaceId();
        try {
            transaction.executeWithoutResult(status -> {
                codes.insertSet(setId, workspaceId, accountId, parsed.formatId(), grant.user().userId(), ciphertexts);
                events.publishEvent(new CodesSaved(workspaceId, accountId, grant.user().userId(), setId,
                        ciphertexts.size(), parsed.formatId()));
            });
        } catch (DuplicateKeyException e) {
            throw new CodesAlreadySavedException();
        }
        return codes.findActiveSummary(accountId).orElseThrow();
    }

    /** Decrypts the account's codes for an eligible Owner, and records that they were shown. */
    public RevealedCodes revealCodes(UUID accountId) {
        AccountGrant grant = access.requireCodeKeeper(accountId);
        CodeSetSummary set = codes.findActiveSummary(accountId)
                .orElseThrow(() -> new NotFoundException("Saved backup codes"));
        List<BackupCodeRepository.StoredCode> stored = codes.findCodes(set.setId());
        List<String> plaintexts = cipher.decryptAll(new CipherContext(accountId, set.setId()),
                stored.stream().map(BackupCodeRepository.StoredCode::ciphertext).toList());
        List<RevealedCodes.Code> revealed = new ArrayList<>(stored.size());
        for (int i = 0; i < stored.size(); i++) {
            revealed.add(new RevealedCodes.Code(stored.get(i).position(), plaintexts.get(i), stored.get(i).usedAt()));
        }
        transaction.executeWithoutResult(status -> events.publishEvent(new CodesRevealed(
                grant.user().workspaceId(), accountId, grant.user().userId(), set.setId(), revealed.size())));
        return new RevealedCodes(set.setId(), revealed);
    }
}
