package dev.breakglass.formats;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;

/** Builds real PF4J plugin jars for tests: a manifest, the extension index and the classes, as the plugin build does. */
final class PluginJars {

    static final String CURRENT_SDK = ">=1.0.0 & <2.0.0";

    private PluginJars() {}

    /** A plugin jar in the folder with the given id, SDK requirement (null for none) and extension classes. */
    /** The SHA-256 of every jar in the folder: what an operator who trusts them lists. */
    static Set<String> hashesIn(Path folder) {
        return Set.copyOf(PluginJarHashes.in(folder));
    }

    static Path build(Path folder, String pluginId, String requires, Class<?>... extensions) throws IOException {
        Files.createDirectories(folder);
        Path jar = folder.resolve(pluginId + "-plugin.jar");
        Manifest manifest = new Manifest();
        Attributes attributes = manifest.getMainAttributes();
        attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.putValue("Plugin-Id", pluginId);
        attributes.putValue("Plugin-Version", "1.2.3");
        attributes.putValue("Plugin-Class", "org.pf4j.Plugin");
        attributes.putValue("Plugin-Provider", "Breakglass tests");
        if (requires != null) {
            attributes.putValue("Plugin-Requires", requires);
        }
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.putNextEntry(new JarEntry("META-INF/extensions.idx"));
            out.write(Arrays.stream(extensions)
                    .map(Class::getName)
                    .collect(Collectors.joining("\n", "", "\n"))
                    .getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            for (Class<?> extension : extensions) {
                String path = extension.getName().replace('.', '/') + ".class";
                out.putNextEntry(new JarEntry(path));
                try (InputStream bytes = extension.getClassLoader().getResourceAsStream(path)) {
                    bytes.transferTo(out);
                }
                out.closeEntry();
            }
        }
        return jar;
    }
}
