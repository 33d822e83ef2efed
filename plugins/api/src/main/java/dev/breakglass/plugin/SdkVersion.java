package dev.breakglass.plugin;

/**
 * The version of this SDK. A plugin states the SDK versions it was built for in its manifest
 * ({@code Plugin-Requires: >=1.0.0 & <2.0.0}, which the plugins parent POM writes); Breakglass refuses a plugin whose
 * range does not include {@link #CURRENT}. Minor versions only add; a new major version may break plugins.
 */
public final class SdkVersion {

    /** The SDK version this build of Breakglass offers to plugins. */
    public static final String CURRENT = "1.1.0";

    private SdkVersion() {}
}
