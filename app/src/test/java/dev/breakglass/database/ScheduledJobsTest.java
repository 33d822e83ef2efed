package dev.breakglass.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.util.ReflectionUtils;

/**
 * Every scheduled job of the application runs under a lock across instances (see {@link ScheduledJobLocks}); a new
 * {@code @Scheduled} method without {@code @SchedulerLock} fails here. {@code TwoInstancesTest} shows a lock at work.
 */
@SpringBootTest
class ScheduledJobsTest {

    @Autowired
    ApplicationContext context;

    @Test
    void everyScheduledMethod_isLockedAcrossInstances_underANameOfItsOwn() {
        List<String> scheduled = new ArrayList<>();
        List<String> unlocked = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String bean : context.getBeanDefinitionNames()) {
            Class<?> type = context.getType(bean);
            if (type == null || !type.getName().startsWith("dev.breakglass.")) {
                continue;
            }
            Class<?> target = AopUtils.getTargetClass(context.getBean(bean));
            for (Method method : ReflectionUtils.getUniqueDeclaredMethods(target)) {
                if (AnnotatedElementUtils.hasAnnotation(method, Scheduled.class)) {
                    String name = target.getSimpleName() + "." + method.getName();
                    scheduled.add(name);
                    SchedulerLock lock = AnnotatedElementUtils.findMergedAnnotation(method, SchedulerLock.class);
                    if (lock == null) {
                        unlocked.add(name);
                    } else {
                        names.add(lock.name());
                    }
                }
            }
        }

        assertThat(scheduled).contains("ScheduledRewrap.rewrap", "LoginThrottle.forgetOldCounts");
        assertThat(unlocked).as("scheduled methods without @SchedulerLock").isEmpty();
        assertThat(names).doesNotHaveDuplicates();
    }
}
