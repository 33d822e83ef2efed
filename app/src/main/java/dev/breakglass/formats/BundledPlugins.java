package dev.breakglass.formats;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The plugin jars the build puts on the application's class path under {@code bundled-plugins/}, unpacked into a
 * folder PF4J can load from. The same code serves the web application, the fat jar and the {@code parse} command, so
 * all three read pastes with the same plugins. The folder belongs to Breakglass: jars no longer bundled are removed.
 * Plain JDK on purpose: the {@code parse} command must start fast.
 */
final class BundledPlugins {

    static final String FOLDER = "bundled-plugins/";

    private BundledPlugins() {}

    /** Unpacks the bundled jars into the folder, rewriting only those that changed, and returns their paths. */
    static List<Path> unpack(Path folder) {
        try {
            Files.createDirectories(folder);
            Map<String, byte[]> jars = bundledJars();
            List<Path> unpacked = new ArrayList<>();
            for (Map.Entry<String, byte[]> jar : jars.entrySet()) {
                Path target = folder.resolve(jar.getKey());
                if (!Files.exists(target) || !Arrays.equals(Files.readAllBytes(target), jar.getValue())) {
                    Path partial = folder.resolve(jar.getKey() + ".part");
                    Files.write(partial, jar.getValue());
                    Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
                unpacked.add(target);
            }
            removeStale(folder, jars);
            return unpacked.stream().sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not unpack the bundled plugins into " + folder.toAbsolutePath(), e);
        }
    }

    /** The bundled jars by file name: from a folder when running from classes, from the fat jar otherwise. */
    private static Map<String, byte[]> bundledJars() throws IOException {
        Map<String, byte[]> jars = new LinkedHashMap<>();
        URL root = BundledPlugins.class.getClassLoader().getResource(FOLDER);
        if (root == null) {
            return jars;
        }
        if ("file".equals(root.getProtocol())) {
            try (Stream<Path> files = Files.list(Path.of(root.toURI()))) {
                for (Path file : files.filter(BundledPlugins::isJar).sorted().toList()) {
                    jars.put(file.getFileName().toString(), Files.readAllBytes(file));
                }
            } catch (URISyntaxException e) {
                throw new IOException("Unusable class path location " + root, e);
            }
            return jars;
        }
        JarURLConnection connection = (JarURLConnection) root.openConnection();
        connection.setUseCaches(false);
        String prefix = connection.getEntryName();
        try (JarFile archive = connection.getJarFile()) {
            Enumeration<JarEntry> entries = archive.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                String name = entry.getName();
                if (name.startsWith(prefix) && name.endsWith(".jar") && name.indexOf('/', prefix.length()) < 0) {
                    try (InputStream in = archive.getInputStream(entry)) {
                        jars.put(name.substring(prefix.length()), in.readAllBytes());
                    }
                }
            }
        }
        return jars;
    }

    private static boolean isJar(Path file) {
        return file.getFileName().toString().endsWith(".jar");
    }

    private static void removeStale(Path folder, Map<String, byte[]> current) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(BundledPlugins::isJar).toList()) {
                if (!current.containsKey(file.getFileName().toString())) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }
}
