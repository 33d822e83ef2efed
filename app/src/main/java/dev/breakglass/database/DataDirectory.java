package dev.breakglass.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The folder for what the embedded defaults keep on disk: the embedded database and the local key file.
 *
 * @param dataDir {@code breakglass.data-dir}, {@code ./data} unless set
 */
@ConfigurationProperties("breakglass")
public record DataDirectory(@DefaultValue("./data") Path dataDir) {

    /** A path inside the data directory, creating the directory itself when it is missing. */
    public Path resolve(String name) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the data directory " + dataDir.toAbsolutePath(), e);
        }
        return dataDir.resolve(name);
    }
}
