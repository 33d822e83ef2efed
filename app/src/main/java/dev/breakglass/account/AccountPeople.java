package dev.breakglass.account;

import java.util.List;

/**
 * The people with access to an account, and whether the signed-in member may change who has access.
 *
 * @param mayShare whether the signed-in member is an Owner of the account (the service checks again on every change)
 */
public record AccountPeople(List<AccountPerson> people, boolean mayShare) {

    public AccountPeople {
        people = List.copyOf(people);
    }
}
