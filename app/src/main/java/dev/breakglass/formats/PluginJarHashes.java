package dev.breakglass.formats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The SHA-256 of the plugin jars in a folder. */
final class PluginJarHashes {

    private PluginJarHashes() {}

    static List<String> in(Path folder) {
        if (folder == null || !Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".jar"))
                    .map(PluginAdmission::sha256)
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
