package dev.breakglass.backupcodes;

import dev.breakglass.crypto.CipherContext;
import dev.breakglass.crypto.CipherException;
import dev.breakglass.crypto.CipherUnavailableException;
import dev.breakglass.crypto.CodeCipher;
import dev.breakglass.formats.CodeFormats;
import dev.breakglass.formats.FormatInfo;
import dev.breakglass.formats.ParsedCodes;
import dev.breakglass.formats.PasteRejectedException;
import dev.breakglass.security.AccessPolicy;
import dev.breakglass.security.AccountGrant;
import dev.breakglass.security.IdentityConfirmation;
import dev.breakglass.security.NotFoundException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The only door to an account's backup codes. Every method checks the caller's access itself; a refusal
 * looks like a missing account. Each change and its events (audit, notifications) commit together.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class BackupCodeService {

    private static final Logger log = LoggerFactory.getLogger(BackupCodeService.class);

    private final AccessPolicy access;
    private final IdentityConfirmation identity;
    private final CodeFormats formats;
    private final CodeCipher cipher;
    private final BackupCodeRepository codes;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final CodeWarnings warnings;

    BackupCodeService(
            AccessPolicy access,
            IdentityConfirmation identity,
            CodeFormats formats,
            CodeCipher cipher,
            BackupCodeRepository codes,
            TransactionTemplate transaction,
            ApplicationEventPublisher events,
            Clock clock,
            CodeWarnings warnings) {
        this.access = access;
        this.identity = identity;
        this.formats = formats;
        this.cipher = cipher;
        this.codes = codes;
        this.transaction = transaction;
        this.events = events;
        this.clock = clock;
        this.warnings = warnings;
    }

    /** What the account's Emergency controls show this user: Owners and Collaborators alike. */
    public CodesOverview overview(UUID accountId) {
        AccountGrant grant = access.requireAccountAccess(accountId);
        Optional<CodeSetSummary> active = codes.findActiveSummary(accountId);
        Optional<String> newCodesPage =
                formats.appFormat(codes.appKeyOf(accountId)).flatMap(FormatInfo::settingsPage);
        return new CodesOverview(
                active,
                grant.mayKeepCodes(),
                active.map(set -> warnings.isLow(set.remaining(), set.codeCount()))
                        .orElse(false),
                newCodesPage);
    }

    /** Every set of codes the account has had, newest first: dates, who, how many, how many were used. */
    public List<CodeSetHistory> history(UUID accountId) {
        access.requireAccountAccess(accountId);
        return codes.findHistory(accountId);
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
            return new PastePreview(
                    parsed.readAsGenericList() ? null : parsed.formatName(),
                    parsed.codes().size(),
                    parsed.unreadableLines(),
                    Optional.empty(),
                    parsed.notice(),
                    appName,
                    settingsPage,
                    appHasCodes,
                    AppMismatch.describe(parsed, app, appName));
        } catch (PasteRejectedException e) {
            return new PastePreview(
                    null,
                    0,
                    List.of(),
                    Optional.of(e.problem()),
                    Optional.empty(),
                    appName,
                    settingsPage,
                    appHasCodes,
                    Optional.empty());
        }
    }

    /**
     * Saves the codes found in a paste as the account's set: every code encrypted on its own, the set, its
     * codes and the audit event in one transaction.
     *
     * @throws PasteRejectedException when the paste cannot be read as codes; nothing is saved
     * @throws CodesAlreadySavedException when the account already has codes; nothing is saved
     * @throws PasteMismatchException when the paste does not look like the app's codes; nothing is saved
     */
    public CodeSetSummary saveCodes(UUID accountId, String pastedText) {
        return saveCodes(accountId, pastedText, Mismatch.REFUSED);
    }

    /**
     * Saves the codes found in a paste, like {@link #saveCodes(UUID, String)}; with {@link Mismatch#ACCEPTED} also
     * when the paste does not look like the app's codes, because the user saw the difference and confirmed.
     */
    public CodeSetSummary saveCodes(UUID accountId, String pastedText, Mismatch mismatch) {
        AccountGrant grant = access.requireCodeKeeper(accountId);
        ParsedCodes parsed = parseForApp(accountId, pastedText, mismatch);
        if (codes.hasActiveSet(accountId)) {
            throw new CodesAlreadySavedException();
        }
        UUID setId = UUID.randomUUID();
        List<String> ciphertexts = encrypt(accountId, setId, parsed);
        UUID workspaceId = grant.user().workspaceId();
        try {
            transaction.executeWithoutResult(status -> {
                codes.insertSet(
                        setId,
                        workspaceId,
                        accountId,
                        parsed.formatId(),
                        grant.user().userId(),
                        ciphertexts);
                events.publishEvent(new CodesSaved(
                        workspaceId, accountId, grant.user().userId(), setId, ciphertexts.size(), parsed.formatId()));
            });
        } catch (DuplicateKeyException e) {
            throw new CodesAlreadySavedException();
        }
        return codes.findActiveSummary(accountId).orElseThrow();
    }

    /**
     * Replaces the set the user was looking at with the codes in a new paste. The old set stays as history
     * with its counts; its ciphertexts are destroyed.
     *
     * @param expectedSetId the set the user saw; if another Owner changed the codes since, nothing changes
     * @throws CodesChangedException when the codes changed since the user looked
     * @throws PasteMismatchException when the paste does not look like the app's codes; nothing changes
     */
    public CodeSetSummary replaceCodes(UUID accountId, UUID expectedSetId, String pastedText) {
        return replaceCodes(accountId, expectedSetId, pastedText, Mismatch.REFUSED);
    }

    /**
     * Replaces the set the user was looking at, like {@link #replaceCodes(UUID, UUID, String)}; with
     * {@link Mismatch#ACCEPTED} also when the paste does not look like the app's codes, because the user saw the
     * difference and confirmed that the saved codes may be destroyed for it.
     */
    public CodeSetSummary replaceCodes(UUID accountId, UUID expectedSetId, String pastedText, Mismatch mismatch) {
        AccountGrant grant = access.requireCodeKeeper(accountId);
        identity.requireRecent(); // destroying the codes in use is a step-up action, like showing them
        ParsedCodes parsed = parseForApp(accountId, pastedText, mismatch);
        UUID setId = UUID.randomUUID();
        List<String> ciphertexts = encrypt(accountId, setId, parsed);
        UUID workspaceId = grant.user().workspaceId();
        UUID userId = grant.user().userId();
        transaction.executeWithoutResult(status -> {
            CodeSetHistory old =
                    codes.lockActiveSet(accountId, expectedSetId).orElseThrow(() -> codesChanged(accountId));
            int used = codes.endSet(old.setId(), "REPLACED", userId, now());
            codes.insertSet(setId, workspaceId, accountId, parsed.formatId(), userId, ciphertexts);
            events.publishEvent(new CodesReplaced(
                    workspaceId,
                    accountId,
                    userId,
                    old.setId(),
                    old.codeCount(),
                    used,
                    setId,
                    ciphertexts.size(),
                    parsed.formatId()));
        });
        return codes.findActiveSummary(accountId).orElseThrow();
    }

    /**
     * Deletes the set the user was looking at: its ciphertexts are destroyed, its history line stays.
     *
     * @throws CodesChangedException when the codes changed since the user looked
     */
    public void deleteCodes(UUID accountId, UUID expectedSetId) {
        AccountGrant grant = access.requireCodeKeeper(accountId);
        identity.requireRecent(); // destroying the codes in use is a step-up action, like showing them
        UUID userId = grant.user().userId();
        transaction.executeWithoutResult(status -> {
            CodeSetHistory old =
                    codes.lockActiveSet(accountId, expectedSetId).orElseThrow(() -> codesChanged(accountId));
            int used = codes.endSet(old.setId(), "DELETED", userId, now());
            events.publishEvent(new CodesDeleted(
                    grant.user().workspaceId(), accountId, userId, old.setId(), old.codeCount(), used));
        });
    }

    /**
     * Decrypts the account's codes for an eligible Owner whose session confirmed their identity recently (a
     * step-up: signing in does not count), and records
     * that they were shown.
     *
     * @throws dev.breakglass.security.IdentityConfirmationRequiredException when the member must confirm it is them
     */
    public RevealedCodes revealCodes(UUID accountId) {
        AccountGrant grant = access.requireCodeKeeper(accountId);
        identity.requireRecentToReveal();
        CodeSetSummary set = activeSet(accountId);
        List<BackupCodeRepository.StoredCode> stored = codes.findCodes(set.setId());
        List<String> plaintexts;
        try {
            plaintexts = cipher.decryptAll(
                    codes.cipherContext(accountId, set.setId())
                            .at(stored.stream()
                                    .map(BackupCodeRepository.StoredCode::position)
                                    .toList()),
                    stored.stream()
                            .map(BackupCodeRepository.StoredCode::ciphertext)
                            .toList());
        } catch (CipherException e) {
            throw unreadable(grant, set.setId(), false, e);
        }
        List<RevealedCodes.Code> revealed = new ArrayList<>(stored.size());
        for (int i = 0; i < stored.size(); i++) {
            BackupCodeRepository.StoredCode code = stored.get(i);
            String value = plaintexts.get(i);
            revealed.add(new RevealedCodes.Code(
                    code.position(), value, formats.display(set.formatId(), value), code.usedAt(), code.usedByName()));
        }
        transaction.executeWithoutResult(status -> events.publishEvent(new CodesRevealed(
                grant.user().workspaceId(), accountId, grant.user().userId(), set.setId(), revealed.size())));
        return new RevealedCodes(set.setId(), revealed, grant.user().displayName());
    }

    /**
     * Hands out the next unused code and marks it used, in one step: two Owners asking at the same moment
     * never get the same code.
     *
     * @throws NoUnusedCodesException when every code is used
     */
    public HandedOutCode useNextCode(UUID accountId) {
        AccountGrant grant = access.requireCodeKeeper(accountId);
        identity.requireRecentToReveal();
        CodeSetSummary set = activeSet(accountId);
        // Decrypt inside the transaction: if decryption fails, the code is not marked used.
        HandedOutCode handedOut;
        try {
            handedOut = takeNextCode(grant, set);
        } catch (CipherException e) {
            throw unreadable(grant, set.setId(), true, e);
        }
        // The display form asks the format plugin, which has no business inside the transaction.
        return new HandedOutCode(
                set.setId(),
                handedOut.position(),
                handedOut.value(),
                formats.display(set.formatId(), handedOut.value()),
                handedOut.remaining());
    }

    /** Marks the next unused code used and decrypts it, in one transaction: a code that fails to decrypt stays unused. */
    private HandedOutCode takeNextCode(AccountGrant grant, CodeSetSummary set) {
        UUID accountId = grant.accountId();
        UUID userId = grant.user().userId();
        return transaction.execute(status -> {
            if (!codes.holdIfActive(accountId, set.setId())) {
                throw codesChangedSinceShown(accountId); // replaced or deleted since: none of that set's codes goes out
            }
            BackupCodeRepository.StoredCode taken =
                    codes.takeNextUnused(set.setId(), userId, now()).orElseThrow(NoUnusedCodesException::new);
            String value = cipher.decryptAll(
                            codes.cipherContext(accountId, set.setId()).at(List.of(taken.position())),
                            List.of(taken.ciphertext()))
                    .get(0);
            int remaining = codes.countUnused(set.setId());
            events.publishEvent(new CodeMarked(
                    grant.user().workspaceId(),
                    accountId,
                    userId,
                    set.setId(),
                    taken.position(),
                    true,
                    true,
                    remaining));
            return new HandedOutCode(set.setId(), taken.position(), value, value, remaining);
        });
    }

    /**
     * Logs and audits codes that failed to decrypt (in a transaction of its own, as the action itself failed), then
     * answers the exception to throw. A cipher that is unavailable (Vault down) is not a code's fault and is only
     * passed on.
     */
    private CipherException unreadable(AccountGrant grant, UUID setId, boolean handingOut, CipherException e) {
        if (e instanceof CipherUnavailableException) {
            return e;
        }
        log.warn(
                "Codes of account {} (set {}) could not be decrypted for member {}: {}",
                grant.accountId(),
                setId,
                grant.user().userId(),
                e.getMessage());
        transaction.executeWithoutResult(status -> events.publishEvent(new CodesUnreadable(
                grant.user().workspaceId(),
                grant.accountId(),
                grant.user().userId(),
                setId,
                handingOut,
                e.getMessage())));
        return e;
    }

    /**
     * Marks one code used or unused (to undo a mistake), in the set the caller was shown.
     *
     * @param setId the set the code was shown from; when that set was replaced or deleted since, nothing changes
     * @return whether anything changed
     * @throws CodesChangedException when {@code setId} is no longer the account's active set
     */
    public boolean markCode(UUID accountId, UUID setId, int position, boolean used) {
        AccountGrant grant = access.requireCodeKeeper(accountId);
        UUID userId = grant.user().userId();
        return Boolean.TRUE.equals(transaction.execute(status -> {
            if (!codes.holdIfActive(accountId, setId)) {
                throw codesChangedSinceShown(accountId);
            }
            if (!codes.markUsed(setId, position, userId, now(), used)) {
                return false;
            }
            events.publishEvent(new CodeMarked(
                    grant.user().workspaceId(),
                    accountId,
                    userId,
                    setId,
                    position,
                    used,
                    false,
                    codes.countUnused(setId)));
            return true;
        }));
    }

    /** Reads a paste for the account's app; refuses one that differs from the app's codes unless it was accepted. */
    private ParsedCodes parseForApp(UUID accountId, String pastedText, Mismatch mismatch) {
        String appKey = codes.appKeyOf(accountId);
        ParsedCodes parsed = formats.parse(pastedText, appKey);
        if (mismatch != Mismatch.ACCEPTED) {
            AppMismatch.describe(parsed, formats.appFormat(appKey), formats.appName(appKey))
                    .ifPresent(difference -> {
                        throw new PasteMismatchException(difference);
                    });
        }
        return parsed;
    }

    private CodeSetSummary activeSet(UUID accountId) {
        return codes.findActiveSummary(accountId).orElseThrow(() -> new NotFoundException("Saved backup codes"));
    }

    /** Encrypts before any transaction opens: a slow cipher must not hold database locks. */
    private List<String> encrypt(UUID accountId, UUID setId, ParsedCodes parsed) {
        return cipher.encryptAll(new CipherContext(accountId, setId), parsed.codes());
    }

    private CodesChangedException codesChanged(UUID accountId) {
        Optional<CodeSetSummary> current = codes.findActiveSummary(accountId);
        if (current.isPresent()) {
            return new CodesChangedException(
                    current.get().savedByName(),
                    current.get().savedAt(),
                    current.get().setId());
        }
        return codes.findLatestSet(accountId)
                .map(latest -> new CodesChangedException(latest.endedByName(), latest.endedAt(), null))
                .orElseGet(() -> new CodesChangedException(null, null, null));
    }

    private CodesChangedException codesChangedSinceShown(UUID accountId) {
        Optional<CodeSetSummary> current = codes.findActiveSummary(accountId);
        if (current.isPresent()) {
            return CodesChangedException.sinceShown(
                    current.get().savedByName(),
                    current.get().savedAt(),
                    current.get().setId());
        }
        return codes.findLatestSet(accountId)
                .map(latest -> CodesChangedException.sinceShown(latest.endedByName(), latest.endedAt(), null))
                .orElseGet(() -> CodesChangedException.sinceShown(null, null, null));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
