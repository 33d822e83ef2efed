package dev.breakglass.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.breakglass.account.AccountService;
import dev.breakglass.account.AllAccountsService;
import dev.breakglass.account.CardFilter;
import dev.breakglass.account.SharingService;
import dev.breakglass.backupcodes.BackupCodeService;
import dev.breakglass.password.PasswordService;
import dev.breakglass.testing.RoleFixtures;
import dev.breakglass.testing.RoleFixtures.TestWorkspace;
import dev.breakglass.workspace.MemberService;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.aop.Advisor;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.method.AuthorizationManagerBeforeMethodInterceptor;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Method security is on: every service that declares {@code @PreAuthorize} is wrapped by Spring Security's
 * interceptor, and an anonymous caller is turned away by it before the service does any work. Without method
 * security these calls would reach the services, which fail differently (and later).
 */
@SpringBootTest
class MethodSecurityTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    RoleFixtures fixtures;

    @Autowired
    MemberService members;

    @Autowired
    SharingService sharing;

    @Autowired
    AllAccountsService allAccounts;

    @Autowired
    AccountService accounts;

    @Autowired
    BackupCodeService codes;

    @Autowired
    PasswordService passwords;

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void everyGuardedService_isAdvisedBySpringSecuritysInterceptor() {
        var guarded = Arrays.stream(context.getBeanNamesForAnnotation(Service.class))
                .map(context::getBean)
                .filter(bean -> AopUtils.getTargetClass(bean).getPackageName().startsWith("dev.breakglass"))
                .filter(bean -> declaresPreAuthorize(AopUtils.getTargetClass(bean)))
                .toList();

        assertThat(guarded)
                .extracting(AopUtils::getTargetClass)
                .contains(
                        MemberService.class,
                        SharingService.class,
                        AllAccountsService.class,
                        AccountService.class,
                        BackupCodeService.class,
                        PasswordService.class);
        assertThat(guarded)
                .allSatisfy(bean -> assertThat(interceptors(bean))
                        .as("advice on %s", AopUtils.getTargetClass(bean).getSimpleName())
                        .anyMatch(AuthorizationManagerBeforeMethodInterceptor.class::isInstance));
    }

    @Test
    void anonymousCalls_areRefusedBeforeAnyWork() {
        TestWorkspace workspace = fixtures.newWorkspace();
        UUID user = workspace.member(WorkspaceRole.USER).userId();
        UUID account = workspace.addAccount("Guarded", Map.of(user, AccountRole.OWNER));
        SecurityContextHolder.getContext()
                .setAuthentication(new AnonymousAuthenticationToken(
                        "key", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
        String before = fixtures.snapshot(workspace.id());

        Stream.<Runnable>of(
                        () -> members.list("", 0, 10),
                        () -> members.add("someone@example.test", "Someone", WorkspaceRole.USER),
                        () -> members.remove(user),
                        () -> members.changeRole(user, WorkspaceRole.GUEST),
                        () -> sharing.share(account, user, AccountRole.COLLABORATOR),
                        () -> sharing.remove(account, user),
                        () -> allAccounts.reassignOwners(account, Set.of(user)),
                        () -> accounts.listCards(CardFilter.ALL, 0, 10),
                        () -> codes.revealCodes(account),
                        () -> codes.deleteCodes(account, UUID.randomUUID()),
                        () -> passwords.changeOwnPassword("old", "a brand new passphrase"),
                        () -> passwords.issueSetPasswordLink(user))
                .forEach(call -> assertThatThrownBy(call::run).isInstanceOf(AuthorizationDeniedException.class));
        assertThat(fixtures.snapshot(workspace.id())).isEqualTo(before);
    }

    private static boolean declaresPreAuthorize(Class<?> type) {
        return AnnotatedElementUtils.hasAnnotation(type, PreAuthorize.class)
                || Arrays.stream(type.getDeclaredMethods())
                        .anyMatch(method -> method.isAnnotationPresent(PreAuthorize.class));
    }

    /**
     * The advice around a bean. Spring Security 6.4+ registers its interceptors behind a lazy wrapper
     * ({@code DeferringMethodInterceptor}, package-private) whose {@code delegate} supplies the real one.
     */
    private static Stream<Object> interceptors(Object bean) {
        if (!(bean instanceof Advised advised)) {
            return Stream.empty();
        }
        return Arrays.stream(advised.getAdvisors())
                .map(Advisor::getAdvice)
                .map(advice -> ReflectionUtils.findField(advice.getClass(), "delegate") != null
                                && ReflectionTestUtils.getField(advice, "delegate") instanceof Supplier<?> delegate
                        ? delegate.get()
                        : advice);
    }
}
