package dev.breakglass.database;

import java.util.Map;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The application as the command-line commands run it: once, against the configured database (or the embedded one
 * in the data directory) and cipher, on the same settings as the server, without its web server.
 */
public final class CommandLineApplication {

    private CommandLineApplication() {}

    /**
     * The application without its web server, schedules or demo data: the database, the ciphers and the
     * services. The web security filter chain (it needs a servlet context) is left out; method security stays.
     */
    public static SpringApplicationBuilder withoutWebServer(Class<?> application) {
        return new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE)
                .properties(Map.of(
                        "breakglass.demo", "false",
                        "breakglass.crypto.rewrap-cron", "-",
                        "spring.main.banner-mode", "off",
                        // Vaadin's servlet, its security integration and its UI scopes need a web server
                        "spring.autoconfigure.exclude",
                                "com.vaadin.flow.spring.SpringBootAutoConfiguration,"
                                        + "com.vaadin.flow.spring.SpringSecurityAutoConfiguration"))
                // registered as a bean, so that it runs after the configuration classes have declared their beans
                .initializers(context -> context.getBeanFactory()
                        .registerSingleton("withoutWebFilterChains", new WithoutWebFilterChains()));
    }

    /**
     * Removes the application's servlet filter chain (Vaadin's login and request rules), which cannot be
     * built without a servlet context. Method security, users and password hashing stay.
     */
    private static final class WithoutWebFilterChains implements BeanDefinitionRegistryPostProcessor {

        @Override
        public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
            for (String name : registry.getBeanDefinitionNames()) {
                if (registry.getBeanDefinition(name) instanceof AnnotatedBeanDefinition definition
                        && definition.getFactoryMethodMetadata() != null
                        && SecurityFilterChain.class
                                .getName()
                                .equals(definition.getFactoryMethodMetadata().getReturnTypeName())) {
                    registry.removeBeanDefinition(name);
                }
            }
        }

        @Override
        public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {}
    }
}
