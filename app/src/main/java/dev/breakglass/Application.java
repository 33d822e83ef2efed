package dev.breakglass;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * Breakglass: keeps the MFA backup codes of a team's shared accounts encrypted, and hands them
 * to the account's Owners on the day the authenticator is lost.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class Application {

    public static void main(String[] args) {
        SpringApplication.run(Application.class, args);
    }

    /** The time, as every feature reads it; tests move it forward. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
