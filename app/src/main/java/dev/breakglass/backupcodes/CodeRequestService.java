package dev.breakglass.backupcodes;

import dev.breakglass.backupcodes.CodeRequestChanged.Change;
import dev.breakglass.crypto.CipherContext;
import dev.breakglass.crypto.CodeCipher;
import dev.breakglass.formats.CodeFormats;
import dev.breakglass.security.AccessPolicy;
import dev.breakglass.security.AccountGrant;
import dev.breakglass.security.AccountRole;
import dev.breakglass.security.IdentityConfirmation;
import dev.breakglass.security.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Break-glass requests, the door for them: a Collaborator asks for one code, the account's Owners approve or deny,
 * and an approval lets the requester take exactly one code, once, within {@code breakglass.requests.approval-valid-for}.
 * Every answer locks the request's row and moves it on with a conditional update, so when two people act at once
 * exactly one outcome wins and everyone sees that one. The requester never sees the set, only the code handed out.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class CodeRequestService {

    /** The longest reason or note, in characters. */
    public static final int MAX_TEXT = 500;

    private static final int LISTED = 20;

    private final AccessPolicy access;
    private final IdentityConfirmation identity;
    private final CodeRequestRepository requests;
    private final BackupCodeRepository codes;
    private final CodeCipher cipher;
    private final CodeFormats formats;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration approvalValidFor;

    CodeRequestService(
            AccessPolicy access,
            IdentityConfirmation identity,
            CodeRequestRepository requests,
            BackupCodeRepository codes,
            CodeCipher cipher,
            CodeFormats formats,
            TransactionTemplate transaction,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${breakglass.requests.approval-valid-for:1h}") Duration approvalValidFor) {
        this.access = access;
        this.identity = identity;
        this.requests = requests;
        this.codes = codes;
        this.cipher = cipher;
        this.formats = formats;
        this.transaction = transaction;
        this.events = events;
        this.clock = clock;
        this.approvalValidFor = approvalValidFor;
    }

    /**
     * Whether the signed-in member may ask for a code of this account now: a Collaborator whose workspace role is
     * not Guest or Login-only, on an account with saved codes.
     */
    public boolean mayRequest(UUID accountId) {
        return isRequester(access.requireAccountAccess(accountId))
                && codes.findActiveSummary(accountId).isPresent();
    }

    /** Whether the signed-in member answers this account's requests: an Owner who may keep its codes. */
    public boolean mayAnswer(UUID accountId) {
        return access.requireAccountAccess(accountId).mayKeepCodes();
    }

    /** Every request made on the account, open ones first, then the newest: for the Owners who answer them. */
    public List<CodeRequest> accountRequests(UUID accountId) {
        access.requireCodeKeeper(accountId);
        return requests.findForAccount(accountId, LISTED);
    }

    /** The signed-in member's own requests on the account, open ones first, then the newest. */
    public List<CodeRequest> myRequests(UUID accountId) {
        AccountGrant grant = access.requireAccountAccess(accountId);
        return requests.findOwn(accountId, grant.user().userId(), LISTED);
    }

    /** How the account answers requests: every member with access may know. */
    public RequestPolicy policy(UUID accountId) {
        access.requireAccountAccess(accountId);
        return requests.findPolicy(accountId);
    }

    /**
     * Sets the account's waiting period (empty: off; one hour to seven days) and whether two Owners must approve.
     * Requests already made keep the rules they were made under.
     */
    public void setPolicy(UUID accountId, RequestPolicy policy) {
        AccountGrant grant = access.requireCodeKeeper(accountId);
        policy.waitingPeriod().ifPresent(wait -> {
            if (wait.compareTo(RequestPolicy.SHORTEST_WAIT) < 0 || wait.compareTo(RequestPolicy.LONGEST_WAIT) > 0) {
                throw new CodeRequestRefusedException(
                        "A waiting period is between one hour and seven days. Choose one in that range, or Off.");
            }
        });
        requests.savePolicy(
                grant.user().workspaceId(), accountId, policy, grant.user().userId(), now());
    }

    /**
     * Asks the account's Owners for one code. Every Owner is told at once (the bell, e-mail).
     *
     * @throws CodeRequestRefusedException when the reason is missing or too long, the account has no codes, or the
     *     caller has an open request already; nothing is saved
     */
    public CodeRequest request(UUID accountId, String reason) {
        AccountGrant grant = access.requireAccountAccess(accountId);
        if (!isRequester(grant)) {
            throw new NotFoundException("The account");
        }
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty()) {
            throw new CodeRequestRefusedException("Say why you need a code, so the Owners can decide.");
        }
        if (text.length() > MAX_TEXT) {
            throw new CodeRequestRefusedException(
                    "The reason is " + text.length() + " characters long; shorten it to " + MAX_TEXT + " or fewer.");
        }
        if (codes.findActiveSummary(accountId).isEmpty()) {
            throw new CodeRequestRefusedException("This account has no saved codes to hand out. Ask an Owner.");
        }
        RequestPolicy policy = requests.findPolicy(accountId);
        UUID id = UUID.randomUUID();
        UUID workspaceId = grant.user().workspaceId();
        UUID me = grant.user().userId();
        OffsetDateTime now = now();
        try {
            transaction.executeWithoutResult(status -> {
                requests.insert(
                        id,
                        workspaceId,
                        accountId,
                        me,
                        text,
                        policy.approvalsNeeded(),
                        now,
                        policy.waitingPeriod().map(now::plus).orElse(null));
                events.publishEvent(new CodeRequestChanged(workspaceId, accountId, id, me, me, Change.REQUESTED, text));
            });
        } catch (DuplicateKeyException e) {
            throw new CodeRequestRefusedException(
                    "You already have an open request for this account. Cancel it first to ask again.");
        }
        return requests.findOne(id).orElseThrow();
    }

    /** The requester takes back a pending or approved request. */
    public CodeRequest cancel(UUID requestId) {
        AccountGrant grant = requireRequestAccess(requestId);
        UUID me = grant.user().userId();
        transaction.executeWithoutResult(status -> {
            CodeRequestRepository.Locked request = requests.lock(requestId).orElseThrow(CodeRequestService::notFound);
            if (!request.requesterId().equals(me)) {
                throw notFound();
            }
            if (!request.state().isOpen()
                    || !requests.end(requestId, request.state(), RequestState.CANCELLED, now(), null, null)) {
                throw alreadyDecided(requestId);
            }
            events.publishEvent(changed(request, me, Change.CANCELLED, null));
        });
        return requests.findOne(requestId).orElseThrow();
    }

    /**
     * An Owner approves a pending request, after confirming who they are. With a quorum, the first approval waits for
     * a second Owner's; the same Owner cannot approve twice.
     *
     * @throws CodeRequestRefusedException when the request was already answered, cancelled, or approved by this Owner
     * @throws dev.breakglass.security.IdentityConfirmationRequiredException when the password must be entered again
     */
    public CodeRequest approve(UUID requestId, String note) {
        AccountGrant grant = requireAnswerer(requestId);
        identity.requireRecent();
        String text = note(note);
        UUID me = grant.user().userId();
        transaction.executeWithoutResult(status -> {
            CodeRequestRepository.Locked request = requests.lock(requestId).orElseThrow(CodeRequestService::notFound);
            if (request.state() != RequestState.PENDING) {
                throw alreadyDecided(requestId);
            }
            if (request.requesterId().equals(me)) {
                throw new CodeRequestRefusedException("You cannot approve your own request. Another Owner must.");
            }
            OffsetDateTime now = now();
            if (!requests.addApproval(requestId, request.workspaceId(), me, text, now)) {
                throw new CodeRequestRefusedException(
                        "You already approved this request. It needs a second Owner's approval.");
            }
            if (requests.countApprovals(requestId) < request.approvalsNeeded()) {
                events.publishEvent(changed(request, me, Change.APPROVAL_ADDED, text));
                return;
            }
            if (!requests.answer(requestId, RequestState.APPROVED, me, text, now, now.plus(approvalValidFor))) {
                throw alreadyDecided(requestId);
            }
            events.publishEvent(changed(request, me, Change.APPROVED, text));
        });
        return requests.findOne(requestId).orElseThrow();
    }

    /**
     * An Owner denies a pending request, after confirming who they are. A deny wins over a waiting period and over a
     * first approval of a quorum, as long as the request is pending.
     */
    public CodeRequest deny(UUID requestId, String note) {
        AccountGrant grant = requireAnswerer(requestId);
        identity.requireRecent();
        String text = note(note);
        UUID me = grant.user().userId();
        transaction.executeWithoutResult(status -> {
            CodeRequestRepository.Locked request = requests.lock(requestId).orElseThrow(CodeRequestService::notFound);
            if (request.state() != RequestState.PENDING
                    || !requests.answer(requestId, RequestState.DENIED, me, text, now(), null)) {
                throw alreadyDecided(requestId);
            }
            events.publishEvent(changed(request, me, Change.DENIED, text));
        });
        return requests.findOne(requestId).orElseThrow();
    }

    /**
     * The requester takes the one code their approval allows: the next unused code, marked used by them, exactly as
     * Use next code hands it out. Confirms who they are first. The approval is then used up.
     *
     * @throws CodeRequestRefusedException when the request is not approved (any more), was used, or its window is
     *     over (the request is then marked expired)
     * @throws NoUnusedCodesException when every code is used; the approval stays
     */
    public HandedOutCode useApprovedCode(UUID requestId) {
        AccountGrant grant = requireRequestAccess(requestId);
        if (!grant.workspaceRole().mayKeepCodes()) {
            throw notFound();
        }
        identity.requireRecentToReveal();
        UUID accountId = grant.accountId();
        UUID me = grant.user().userId();
        CodeSetSummary set = codes.findActiveSummary(accountId).orElseThrow(NoUnusedCodesException::new);
        Taken taken = transaction.execute(status -> {
            CodeRequestRepository.Locked request = requests.lock(requestId).orElseThrow(CodeRequestService::notFound);
            if (!request.requesterId().equals(me)) {
                throw notFound();
            }
            if (request.state() != RequestState.APPROVED) {
                throw alreadyDecided(requestId);
            }
            OffsetDateTime now = now();
            if (now.isAfter(request.approvalExpiresAt())) {
                // Recorded, and committed: the window is over whatever happens next.
                requests.end(requestId, RequestState.APPROVED, RequestState.EXPIRED, now, null, null);
                events.publishEvent(changed(request, null, Change.EXPIRED, null));
                return null;
            }
            if (!codes.holdIfActive(accountId, set.setId())) {
                throw new CodeRequestRefusedException(
                        "The codes of this account were replaced or deleted a moment ago. Try again.");
            }
            BackupCodeRepository.StoredCode code =
                    codes.takeNextUnused(set.setId(), me, now).orElseThrow(NoUnusedCodesException::new);
            String value = cipher.decryptAll(new CipherContext(accountId, set.setId()), List.of(code.ciphertext()))
                    .get(0);
            int remaining = codes.countUnused(set.setId());
            requests.end(requestId, RequestState.APPROVED, RequestState.USED, now, set.setId(), code.position());
            events.publishEvent(new CodeMarked(
                    request.workspaceId(), accountId, me, set.setId(), code.position(), true, true, remaining));
            events.publishEvent(changed(request, me, Change.CODE_TAKEN, null));
            return new Taken(code.position(), value, remaining);
        });
        if (taken == null) {
            throw new CodeRequestRefusedException(
                    "This approval ran out before the code was taken. Request a code again if you still need one.");
        }
        return new HandedOutCode(
                set.setId(),
                taken.position(),
                taken.value(),
                formats.display(set.formatId(), taken.value()),
                taken.remaining());
    }

    /** The approval window: how long an approved request lets its requester take the code. */
    public Duration approvalValidFor() {
        return approvalValidFor;
    }

    private static boolean isRequester(AccountGrant grant) {
        return grant.accountRole() == AccountRole.COLLABORATOR
                && grant.workspaceRole().mayKeepCodes();
    }

    /** The caller has access to the request's account (in their workspace); the grant names that account. */
    private AccountGrant requireRequestAccess(UUID requestId) {
        UUID workspaceId = access.requireMember().user().workspaceId();
        UUID accountId = requests.accountOf(requestId, workspaceId).orElseThrow(CodeRequestService::notFound);
        try {
            return access.requireAccountAccess(accountId);
        } catch (NotFoundException e) {
            throw notFound();
        }
    }

    /** The caller is an Owner of the request's account who may keep its codes. */
    private AccountGrant requireAnswerer(UUID requestId) {
        AccountGrant grant = requireRequestAccess(requestId);
        if (!grant.mayKeepCodes()) {
            throw notFound();
        }
        return grant;
    }

    private static String note(String note) {
        String text = note == null ? "" : note.strip();
        if (text.length() > MAX_TEXT) {
            throw new CodeRequestRefusedException(
                    "The note is " + text.length() + " characters long; shorten it to " + MAX_TEXT + " or fewer.");
        }
        return text.isEmpty() ? null : text;
    }

    /** Says what happened instead, as everyone sees it now. */
    private CodeRequestRefusedException alreadyDecided(UUID requestId) {
        CodeRequest request = requests.findOne(requestId).orElseThrow(CodeRequestService::notFound);
        String who = Optional.ofNullable(request.answeredByName()).orElse("An Owner");
        return new CodeRequestRefusedException(
                switch (request.state()) {
                    case PENDING -> "This request is still waiting for an answer.";
                    case APPROVED ->
                        request.autoApproved()
                                ? "This request was approved automatically: nobody answered within the waiting period."
                                : who + " already approved this request.";
                    case DENIED -> who + " already denied this request.";
                    case CANCELLED -> "This request was cancelled by " + request.requesterName() + ".";
                    case EXPIRED -> "This approval ran out before the code was taken. Request a code again if needed.";
                    case USED -> "The code of this approval was already taken. Request a code again if needed.";
                });
    }

    private static CodeRequestChanged changed(
            CodeRequestRepository.Locked request, UUID actor, Change change, String text) {
        return new CodeRequestChanged(
                request.workspaceId(), request.accountId(), request.id(), actor, request.requesterId(), change, text);
    }

    private static NotFoundException notFound() {
        return new NotFoundException("The request");
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private record Taken(int position, String value, int remaining) {}
}
