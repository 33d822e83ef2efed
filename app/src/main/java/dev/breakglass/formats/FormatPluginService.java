package dev.breakglass.formats;

import dev.breakglass.security.Capability;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** What the admin's Plugins page shows: every plugin jar found, its formats, state and errors. */
@Service
@PreAuthorize("hasRole('" + Capability.SEE_PLUGINS + "')")
public class FormatPluginService {

    private final FormatPlugins plugins;

    FormatPluginService(FormatPlugins plugins) {
        this.plugins = plugins;
    }

    /** The plugins, installed ones first. Workspace Owners, Super Admins and Admins only. */
    public List<PluginStatus> plugins() {
        return plugins.statuses();
    }
}
