package dev.breakglass.workspace;

import dev.breakglass.password.SetPasswordLink;

/** A member just added, with the one-time link they use to choose their password. */
public record NewMember(Member member, SetPasswordLink link) {}
