package dev.breakglass;

import dev.breakglass.demo.GenerateDemoCommand;
import dev.breakglass.encryption.CiphertextCommands;
import dev.breakglass.formats.NewPluginCommand;
import dev.breakglass.formats.ParseCommand;
import dev.breakglass.workspace.CreateWorkspaceCommand;
import java.time.Clock;
import java.util.Arrays;
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
        // jOOQ's start-up logo and tips would land in the command-line tools' output.
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        // The plugin authors' command runs before, and without, the Spring context, so it starts in a blink.
        if (args.length > 0 && ParseCommand.NAME.equals(args[0])) {
            System.exit(ParseCommand.run(Arrays.copyOfRange(args, 1, args.length), System.in, System.out, System.err));
        }
        if (NewPluginCommand.handles(args)) {
            System.exit(NewPluginCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        if (CiphertextCommands.handles(args)) {
            // rewrap, migrate-cipher: run once against the database and cipher, without the web server
            System.exit(CiphertextCommands.run(Application.class, args));
        }
        if (CreateWorkspaceCommand.handles(args)) {
            System.exit(CreateWorkspaceCommand.run(Application.class, args));
        }
        if (GenerateDemoCommand.handles(args)) {
            System.exit(GenerateDemoCommand.run(Application.class, args));
        }
        SpringApplication.run(Application.class, args);
    }

    /** The time, as every feature reads it; tests move it forward. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
