package dev.breakglass.account;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** What someone typed for an account breaks a rule; each problem is a sentence for the field it belongs to. */
public class InvalidAccountException extends RuntimeException {

    private final Map<AccountField, String> problems;

    InvalidAccountException(Map<AccountField, String> problems) {
        super(String.join(" ", problems.values()));
        this.problems = Collections.unmodifiableMap(new EnumMap<>(problems));
    }

    public Map<AccountField, String> problems() {
        return problems;
    }
}
