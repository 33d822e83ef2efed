package dev.breakglass.formats;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The plugin jars the build puts on the application's class path under {@code bundled-plugins/}, unpacked into a
 * folder PF4J can load from. The same code serves the web application, the jar and the {@code parse} command, so all
 * three read pastes with the same plugins. The folder belongs to Breakglass: jars no longer bundled are removed.
 */
final class BundledPlugins {

    static final String LOCATION = "classpath*:bundled-plugins/*.jar";

    private BundledPlugins() {
    }

    /** Unpacks the bundled jars into the folder, rewriting only those that changed, and returns their paths. */
    static List<Path> unpack(Path folder) {
        try {
            Files.createDirectories(folder);
            Resource[] jars = new PathMatchingResourcePatternResolver(BundledPlugins.class.getClassLoader())
                    .getResources(LOCATION);
            List<Path> unpacked = new ArrayList<>();
            Set<String> names = new HashSet<>();
            for (Resource jar : jars) {
                String name = jar.getFilename();
                if (name == null || !names.add(name)) {
                    continue;
                }
                Path target = folder.resolve(name);
                byte[] content;
                try (InputStream in = jar.getInputStream()) {
                    content = in.readAllBytes();
                }
                if (!Files.exists(target) || !Arrays.equals(Files.readAllBytes(target), content)) {
                    Path partial = folder.resolve(name + ".part");
                    Files.write(partial, content);
                    Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
                unpacked.add(target);
            }
            removeStale(folder, names);
            return unpacked.stream().sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not unpack the bundled plugins into " + folder.toAbsolutePath(), e);
        }
    }

    private static void removeStale(Path folder, Set<String> current) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(file -> file.getFileName().toString().endsWith(".jar")).toList()) {
                if (!current.contains(file.getFileName().toString())) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }
}
