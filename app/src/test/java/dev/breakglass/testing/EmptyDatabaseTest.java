package dev.breakglass.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A test against a database without the demo data, as on a real server's first start. The test classes that
 * carry it share one Spring context (and database); they empty it with {@link Fixtures#removeAllWorkspaces()}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = "breakglass.demo=false")
public @interface EmptyDatabaseTest {}
