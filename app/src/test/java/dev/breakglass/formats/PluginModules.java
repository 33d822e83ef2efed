package dev.breakglass.formats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The format plugin modules in this repository's {@code plugins/} folder: every folder whose POM names a
 * {@code plugin.id}, but for those that say {@code <breakglass.bundled>false</breakglass.bundled>} (the template).
 *
 * @param folder the module's folder, such as {@code plugins/google}
 * @param pluginId its {@code plugin.id}
 * @param artifactId its artifact, such as {@code breakglass-plugin-google}
 */
record PluginModules(Path folder, String pluginId, String artifactId) {

    /** The plugins folder, seen from the app module (Surefire's working directory). */
    static final Path ROOT = Path.of("..", "plugins");

    private static final Pattern PLUGIN_ID = Pattern.compile("<plugin\\.id>([^<]+)</plugin\\.id>");
    private static final Pattern ARTIFACT_ID =
            Pattern.compile("</parent>.*?<artifactId>([^<]+)</artifactId>", Pattern.DOTALL);

    /** The modules meant to ship with Breakglass. */
    static List<PluginModules> bundled() {
        try (Stream<Path> folders = Files.list(ROOT)) {
            return folders.filter(folder -> Files.isRegularFile(folder.resolve("pom.xml")))
                    .sorted()
                    .map(PluginModules::of)
                    .flatMap(Optional::stream)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<PluginModules> of(Path folder) {
        String pom = read(folder.resolve("pom.xml"));
        Matcher id = PLUGIN_ID.matcher(pom);
        Matcher artifact = ARTIFACT_ID.matcher(pom);
        if (!id.find() || !artifact.find() || pom.contains("<breakglass.bundled>false</breakglass.bundled>")) {
            return Optional.empty();
        }
        return Optional.of(
                new PluginModules(folder, id.group(1).strip(), artifact.group(1).strip()));
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String name() {
        return folder.getFileName().toString();
    }
}
