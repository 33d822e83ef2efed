package dev.breakglass.account;

import java.util.List;
import java.util.UUID;

/**
 * An account of the workspace with its Owners, as the All accounts page lists it.
 *
 * @param owners the names of its Owners, deactivated ones marked so
 * @param orphaned whether it has no active Owner
 */
public record AccountOwnership(UUID id, String label, String appName, List<String> owners, boolean orphaned) {}
