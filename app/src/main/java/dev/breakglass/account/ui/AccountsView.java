package dev.breakglass.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.breakglass.account.AccountCard;
import dev.breakglass.account.AccountService;
import dev.breakglass.account.AccountsOverview;
import dev.breakglass.account.CardFilter;
import jakarta.annotation.security.PermitAll;
import java.util.List;

/** The accounts shared with the signed-in member, as cards fetched a page at a time, with a coverage overview. */
@Route("")
@Menu(title = "Accounts", order = 0)
@PageTitle("Accounts · Breakglass")
@PermitAll
public class AccountsView extends VerticalLayout {

    static final int PAGE_SIZE = 24;

    private final AccountService accounts;
    private final Select<CardFilter> filter = new Select<>();
    private final Div cards = new Div();
    private final Button more = new Button("Show more");
    private final Paragraph empty = new Paragraph();
    private int loaded;

    AccountsView(AccountService accounts) {
        this.accounts = accounts;
        addClassName("accounts-view");
        AccountsOverview overview = accounts.overview();

        filter.setId("account-filter");
        filter.setLabel("Show");
        filter.setItems(CardFilter.values());
        filter.setItemLabelGenerator(f -> f == CardFilter.OLD_CODES
                ? "Codes older than " + overview.staleAfterDays() + " days" : f.label());
        filter.setValue(CardFilter.ALL);
        filter.addValueChangeListener(event -> reload());

        cards.setId("account-cards");
        cards.addClassName("account-cards");
        more.setId("more-accounts");
        more.addClickListener(event -> loadPage());
        empty.setId("no-accounts");
        add(new H2("Accounts"), overview(overview), filter, cards, more, empty);
        reload();
    }

    private Div overview(AccountsOverview overview) {
        Div tiles = new Div(
                tile("accounts", overview.total(), "ALL"),
                tile("MFA on, no codes", overview.mfaOnNoCodes(), "MFA_ON_NO_CODES"),
                tile("low on codes", overview.lowCodes(), "LOW_CODES"),
                tile("codes older than " + overview.staleAfterDays() + " days", overview.oldCodes(), "OLD_CODES"));
        tiles.setId("accounts-overview");
        tiles.addClassName("accounts-overview");
        return tiles;
    }

    private Span tile(String what, int count, String id) {
        Span tile = new Span(count + " " + what);
        tile.addClassName("overview-tile");
        tile.getElement().setAttribute("data-filter", id);
        tile.getElement().getThemeList().add(count > 0 && !"ALL".equals(id) ? "badge error" : "badge contrast");
        return tile;
    }

    private void reload() {
        cards.removeAll();
        loaded = 0;
        loadPage();
        empty.setText(filter.getValue() == CardFilter.ALL
                ? "No accounts are shared with you yet. Ask an account's Owner to add you."
                : "No account matches.");
        empty.setVisible(loaded == 0);
    }

    private void loadPage() {
        List<AccountCard> page = accounts.listCards(filter.getValue(), loaded, PAGE_SIZE + 1);
        page.stream().limit(PAGE_SIZE).map(AccountCardLink::new).forEach(cards::add);
        loaded += Math.min(page.size(), PAGE_SIZE);
        more.setVisible(page.size() > PAGE_SIZE);
    }
}
