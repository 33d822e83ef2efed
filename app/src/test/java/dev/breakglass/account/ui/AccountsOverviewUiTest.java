package dev.breakglass.account.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouterLink;
import dev.breakglass.account.CardFilter;
import dev.breakglass.backupcodes.BackupCodeService;
import dev.breakglass.backupcodes.Mismatch;
import dev.breakglass.testing.KaribuTest;
import dev.breakglass.testing.SignIn;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The accounts list tells an Owner where codes are missing, running low or getting old. */
class AccountsOverviewUiTest extends KaribuTest {

    @Autowired
    BackupCodeService codes;

    @Autowired
    SignIn signIn;

    @Test
    void filters_andOverview_showWhereCodesNeedAttention() {
        signIn.asConfirmed("alice@acme.test");
        // Low once a code is used (a set is never low right after it is saved): 2 of 3 left.
        codes.saveCodes(fixtures.accountId("GitHub"), "11111-aaaaa\n22222-bbbbb\n33333-ccccc\n", Mismatch.ACCEPTED);
        codes.useNextCode(fixtures.accountId("GitHub"));
        codes.saveCodes(
                fixtures.accountId("Google Workspace"),
                "11111-aaaaa\n22222-bbbbb\n33333-ccccc\n44444-ddddd\n",
                Mismatch.ACCEPTED);
        fixtures.backdateCodes("Google Workspace", 400);

        loginConfirmedAs("alice@acme.test");

        assertThat(overview())
                .containsExactly(
                        "5 accounts",
                        "2 MFA on, no codes",
                        "1 low on codes",
                        "1 account's codes are older than 180 days");
        assertThat(cards()).containsExactly("Docker Hub", "GitHub", "Google Workspace", "Microsoft 365", "Slack");

        Select<CardFilter> filter = _get(Select.class, spec -> spec.withId("account-filter"));
        _setValue(filter, CardFilter.MFA_ON_NO_CODES);
        assertThat(cards()).containsExactly("Microsoft 365", "Slack");
        _setValue(filter, CardFilter.LOW_CODES);
        assertThat(cards()).containsExactly("GitHub");
        _setValue(filter, CardFilter.OLD_CODES);
        assertThat(cards()).containsExactly("Google Workspace");
    }

    @Test
    void overviewChips_filter_andTheFilterComesFromTheUrl() {
        signIn.asConfirmed("alice@acme.test");
        codes.saveCodes(fixtures.accountId("GitHub"), "11111-aaaaa\n22222-bbbbb\n33333-ccccc\n", Mismatch.ACCEPTED);
        codes.useNextCode(fixtures.accountId("GitHub"));
        loginConfirmedAs("alice@acme.test");
        Select<CardFilter> filter = _get(Select.class, spec -> spec.withId("account-filter"));

        _click(_get(Span.class, spec -> spec.withClasses("overview-tile").withAttribute("data-filter", "LOW_CODES")));
        assertThat(filter.getValue()).isEqualTo(CardFilter.LOW_CODES);
        assertThat(cards()).containsExactly("GitHub");
        assertThat(_find(Span.class, spec -> spec.withClasses("overview-tile")).stream()
                        .filter(tile -> "true".equals(tile.getElement().getAttribute("aria-pressed")))
                        .map(tile -> tile.getElement().getAttribute("data-filter")))
                .containsExactly("LOW_CODES");

        // A shared link (or the back button) brings the filter and the search back.
        UI.getCurrent().navigate("", QueryParameters.simple(Map.of("show", "mfa_on_no_codes", "q", "sla")));
        filter = _get(Select.class, spec -> spec.withId("account-filter"));
        assertThat(filter.getValue()).isEqualTo(CardFilter.MFA_ON_NO_CODES);
        assertThat(_get(TextField.class, spec -> spec.withId("search-accounts")).getValue())
                .isEqualTo("sla");
        assertThat(cards()).containsExactly("Slack");

        UI.getCurrent().navigate("", QueryParameters.simple(Map.of("show", "no-such-filter")));
        assertThat(_get(Select.class, spec -> spec.withId("account-filter")).getValue())
                .isEqualTo(CardFilter.ALL);
    }

    @Test
    void card_showsHowManyCodesAreLeft() {
        signIn.asConfirmed("alice@acme.test");
        codes.saveCodes(fixtures.accountId("GitHub"), "11111-aaaaa\n22222-bbbbb\n33333-ccccc\n", Mismatch.ACCEPTED);
        codes.useNextCode(fixtures.accountId("GitHub"));

        loginConfirmedAs("bob@acme.test");

        RouterLink card = accountCard("GitHub");
        assertThat(_get(card, Span.class, spec -> spec.withClasses("account-card-codes"))
                        .getText())
                .isEqualTo("2 of 3 codes left");
    }

    private static List<String> overview() {
        return _find(Span.class, spec -> spec.withClasses("overview-tile")).stream()
                .map(Span::getText)
                .toList();
    }

    private static List<String> cards() {
        return cardLabels();
    }
}
