package dev.breakglass.backupcodes;

import java.time.Duration;
import java.util.Optional;

/**
 * How an account answers break-glass requests.
 *
 * @param waitingPeriod when no Owner answers within it, a request is approved by itself; empty: off
 * @param twoApprovals whether two different Owners must approve
 */
public record RequestPolicy(Optional<Duration> waitingPeriod, boolean twoApprovals) {

    public static final Duration SHORTEST_WAIT = Duration.ofHours(1);
    public static final Duration LONGEST_WAIT = Duration.ofDays(7);

    public static RequestPolicy standard() {
        return new RequestPolicy(Optional.empty(), false);
    }

    int approvalsNeeded() {
        return twoApprovals ? 2 : 1;
    }
}
