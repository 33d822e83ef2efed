package dev.breakglass.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import dev.breakglass.backupcodes.CodeMarked;
import dev.breakglass.backupcodes.CodeRequestChanged;
import dev.breakglass.backupcodes.CodeWarnings;
import dev.breakglass.database.ClusterMessages;
import dev.breakglass.security.AccountRole;
import dev.breakglass.security.CurrentUser;
import dev.breakglass.security.WorkspaceRole;
import dev.breakglass.testing.RoleFixtures;
import dev.breakglass.testing.RoleFixtures.TestMember;
import dev.breakglass.testing.RoleFixtures.TestWorkspace;
import dev.breakglass.testing.SignIn;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** What the other Owners read when a code is used: how many are left, once the set runs low by the setting. */
@SpringBootTest
class NotificationCenterTest {

    @Autowired
    RoleFixtures fixtures;

    @Autowired
    NotificationRepository notifications;

    @Autowired
    CurrentUser currentUser;

    @Autowired
    ClusterMessages cluster;

    @Autowired
    NotificationCenter center;

    @Autowired
    SignIn signIn;

    @AfterEach
    void signOut() {
        signIn.out();
    }

    /** The bell's way to hear of new notifications, through PostgreSQL, as another instance's bell would. */
    @Test
    void aNotification_wakesWhoWatchesTheRecipientsBell_andNobodyElse() throws Exception {
        TestWorkspace workspace = fixtures.newWorkspace();
        TestMember user = workspace.member(WorkspaceRole.USER);
        TestMember other = workspace.addMember("watching owner", WorkspaceRole.USER);
        TestMember bystander = workspace.addMember("bystander", WorkspaceRole.USER);
        UUID account = workspace.addAccount(
                "Watched account", Map.of(user.userId(), AccountRole.OWNER, other.userId(), AccountRole.OWNER));
        CountDownLatch otherWoken = new CountDownLatch(1);
        CountDownLatch bystanderWoken = new CountDownLatch(1);
        signIn.as(other.email());
        AutoCloseable watching = center.watchMine(otherWoken::countDown);
        signIn.as(bystander.email());
        AutoCloseable notWatched = center.watchMine(bystanderWoken::countDown);
        for (int i = 0; i < 200 && !cluster.isListening(NotificationCenter.CHANNEL); i++) {
            Thread.sleep(50);
        }

        center.on(new CodeMarked(workspace.id(), account, user.userId(), UUID.randomUUID(), 1, true, true, 3));

        assertThat(otherWoken.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(bystanderWoken.await(1, TimeUnit.SECONDS)).isFalse();
        watching.close();
        notWatched.close();
    }

    /** A break-glass request rings the Owners' bells at once, on any instance, not at their next page load. */
    @Test
    void aNewRequest_wakesTheOwnersBells_andNotTheRequesters() throws Exception {
        TestWorkspace workspace = fixtures.newWorkspace();
        TestMember owner = workspace.member(WorkspaceRole.USER);
        TestMember requester = workspace.addMember("on call", WorkspaceRole.USER);
        UUID account = workspace.addAccount(
                "Requested account",
                Map.of(owner.userId(), AccountRole.OWNER, requester.userId(), AccountRole.COLLABORATOR));
        CountDownLatch ownerWoken = new CountDownLatch(1);
        CountDownLatch requesterWoken = new CountDownLatch(1);
        signIn.as(owner.email());
        AutoCloseable owners = center.watchMine(ownerWoken::countDown);
        signIn.as(requester.email());
        AutoCloseable requesters = center.watchMine(requesterWoken::countDown);
        for (int i = 0; i < 200 && !cluster.isListening(NotificationCenter.CHANNEL); i++) {
            Thread.sleep(50);
        }

        center.on(new CodeRequestChanged(
                workspace.id(),
                account,
                UUID.randomUUID(),
                requester.userId(),
                requester.userId(),
                CodeRequestChanged.Change.REQUESTED,
                "Phone lost on call"));

        assertThat(ownerWoken.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(requesterWoken.await(1, TimeUnit.SECONDS)).isFalse();
        owners.close();
        requesters.close();
    }

    @Test
    void codeUsed_withRemainingAtTheLowSetting_saysHowManyAreLeft() {
        assertThat(messageAfterUse(new CodeWarnings(5, 180), 5)).endsWith("(5 left).");
    }

    @Test
    void codeUsed_withRemainingAboveTheLowSetting_saysNothingOfTheRest() {
        assertThat(messageAfterUse(new CodeWarnings(1, 180), 2)).endsWith(".").doesNotContain("left");
    }

    private String messageAfterUse(CodeWarnings warnings, int remaining) {
        TestWorkspace workspace = fixtures.newWorkspace();
        TestMember user = workspace.member(WorkspaceRole.USER);
        TestMember other = workspace.addMember("other owner", WorkspaceRole.USER);
        UUID account = workspace.addAccount(
                "Notified account", Map.of(user.userId(), AccountRole.OWNER, other.userId(), AccountRole.OWNER));
        NotificationCenter center =
                new NotificationCenter(notifications, currentUser, Clock.systemUTC(), warnings, cluster);

        center.on(new CodeMarked(workspace.id(), account, user.userId(), UUID.randomUUID(), 1, true, true, remaining));

        return notifications
                .findRecent(workspace.id(), other.userId(), 1)
                .get(0)
                .message();
    }
}
