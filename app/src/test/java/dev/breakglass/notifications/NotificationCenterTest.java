package dev.breakglass.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import dev.breakglass.backupcodes.CodeMarked;
import dev.breakglass.backupcodes.CodeWarnings;
import dev.breakglass.security.AccountRole;
import dev.breakglass.security.CurrentUser;
import dev.breakglass.security.WorkspaceRole;
import dev.breakglass.testing.RoleFixtures;
import dev.breakglass.testing.RoleFixtures.TestMember;
import dev.breakglass.testing.RoleFixtures.TestWorkspace;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
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
        NotificationCenter center = new NotificationCenter(notifications, currentUser, Clock.systemUTC(), warnings);

        center.on(new CodeMarked(workspace.id(), account, user.userId(), UUID.randomUUID(), 1, true, true, remaining));

        return notifications
                .findRecent(workspace.id(), other.userId(), 1)
                .get(0)
                .message();
    }
}
