package dev.breakglass.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Two database roles: the owner, that the migrations run as ({@code spring.flyway.user}), and the runtime role the
 * application signs in as ({@code spring.datasource.username}), which may only append to and read the audit log.
 * The embedded mode makes both itself; with your own PostgreSQL, set both (docs/deployment.md).
 */
@Configuration(proxyBeanMethods = false)
class DatabaseRolesConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseRolesConfiguration.class);

    @Bean
    RuntimeRoleGrants runtimeRoleGrants(Environment settings) {
        if (!settings.containsProperty("spring.datasource.url")) {
            return new RuntimeRoleGrants(EmbeddedDatabaseAccess.RUNTIME_ROLE);
        }
        String runtimeRole = settings.getProperty("breakglass.database.runtime-role", "");
        String owner = settings.getProperty("spring.flyway.user", "");
        String user = settings.getProperty("spring.datasource.username", "");
        if (runtimeRole.isBlank() && !owner.isBlank() && !owner.equals(user)) {
            runtimeRole = user;
        }
        if (runtimeRole.isBlank()) {
            log.warn("The application signs in to PostgreSQL as the role that owns its tables: that role can switch "
                    + "the audit log's guards off. Set spring.flyway.user (the owner) and spring.datasource.username "
                    + "(a runtime role) to different roles (docs/deployment.md).");
        }
        return new RuntimeRoleGrants(runtimeRole.isBlank() ? null : runtimeRole);
    }
}
