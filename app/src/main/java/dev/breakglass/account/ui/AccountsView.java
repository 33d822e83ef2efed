package dev.breakglass.account.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteParameters;
import dev.breakglass.account.AccountCard;
import dev.breakglass.account.AccountImport;
import dev.breakglass.account.AccountService;
import dev.breakglass.account.AccountsOverview;
import dev.breakglass.account.CardFilter;
import dev.breakglass.account.CardSort;
import dev.breakglass.account.InvalidAccountException;
import jakarta.annotation.security.PermitAll;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** The accounts shared with the signed-in member, as cards fetched a page at a time, with a coverage overview. */
@Route("")
@Menu(title = "Accounts", order = 0)
@PageTitle("Accounts · Breakglass")
@PermitAll
public class AccountsView extends VerticalLayout implements BeforeEnterObserver {

    /** The query parameters that keep what is shown in the URL: shareable, and the back button goes back. */
    static final String FILTER = "show";

    static final String SORT = "sort";
    static final String SEARCH = "q";

    static final int PAGE_SIZE = 24;

    private final AccountService accounts;
    private final AccountImport importer;
    private final TextField search = new TextField();
    private final Select<CardSort> sort = new Select<>();
    private final Select<CardFilter> filter = new Select<>();
    private final Div tiles = new Div();
    private final Div cards = new Div();
    private final Button more = new Button("Show more");
    private final Paragraph empty = new Paragraph();
    private final boolean mayAdd;
    private int loaded;
    /** True while the fields take their values from the URL, so that they do not write it back. */
    private boolean applyingUrl;

    AccountsView(AccountService accounts, AccountImport importer) {
        this.accounts = accounts;
        this.importer = importer;
        this.mayAdd = accounts.mayAddAccounts();
        addClassName("accounts-view");
        AccountsOverview overview = accounts.overview();

        filter.setId("account-filter");
        filter.setLabel("Show");
        filter.setItems(CardFilter.values());
        filter.setItemLabelGenerator(
                f -> f == CardFilter.OLD_CODES ? "Codes older than " + overview.staleAfterDays() + " days" : f.label());
        filter.setValue(CardFilter.ALL);
        filter.addValueChangeListener(event -> showInUrl(true));

        search.setId("search-accounts");
        search.setLabel("Search accounts");
        search.setPlaceholder("Label, app or login name");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        // Typing replaces the URL's entry rather than adding one per word to the back button.
        search.addValueChangeListener(event -> showInUrl(false));
        sort.setId("account-sort");
        sort.setLabel("Sort by");
        sort.setItems(CardSort.values());
        sort.setItemLabelGenerator(CardSort::label);
        sort.setValue(CardSort.LABEL);
        sort.addValueChangeListener(event -> showInUrl(true));
        HorizontalLayout finding = new HorizontalLayout(search, filter, sort);
        finding.setAlignItems(FlexComponent.Alignment.BASELINE);
        finding.setWrap(true);

        cards.setId("account-cards");
        cards.addClassName("account-cards");
        more.setId("more-accounts");
        more.addClickListener(event -> loadPage());
        empty.setId("no-accounts");
        tiles.setId("accounts-overview");
        tiles.addClassName("accounts-overview");
        showOverview(overview);
        add(header(), tiles, finding, cards, more, empty);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> query =
                event.getLocation().getQueryParameters().getParameters();
        applyingUrl = true;
        try {
            filter.setValue(valueOf(CardFilter.class, first(query, FILTER), CardFilter.ALL));
            sort.setValue(valueOf(CardSort.class, first(query, SORT), CardSort.LABEL));
            search.setValue(first(query, SEARCH) == null ? "" : first(query, SEARCH));
        } finally {
            applyingUrl = false;
        }
        reload();
    }

    /** Writes what is shown into the URL: a new history entry for a filter or sort, the same one for typing. */
    private void showInUrl(boolean newEntry) {
        if (applyingUrl) {
            return;
        }
        Map<String, String> query = new LinkedHashMap<>();
        if (filter.getValue() != null && filter.getValue() != CardFilter.ALL) {
            query.put(FILTER, filter.getValue().name().toLowerCase(Locale.ROOT));
        }
        if (sort.getValue() != null && sort.getValue() != CardSort.LABEL) {
            query.put(SORT, sort.getValue().name().toLowerCase(Locale.ROOT));
        }
        if (!search.getValue().isBlank()) {
            query.put(SEARCH, search.getValue().strip());
        }
        Location location = new Location(
                RouteConfiguration.forSessionScope().getUrl(AccountsView.class), QueryParameters.simple(query));
        if (newEntry) {
            UI.getCurrent().getPage().getHistory().pushState(null, location);
        } else {
            UI.getCurrent().getPage().getHistory().replaceState(null, location);
        }
        reload();
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.getOrDefault(name, List.of());
        return values.isEmpty() ? null : values.get(0);
    }

    private static <E extends Enum<E>> E valueOf(Class<E> type, String name, E otherwise) {
        if (name == null) {
            return otherwise;
        }
        try {
            return Enum.valueOf(type, name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return otherwise; // an old or mistyped link shows everything rather than an error
        }
    }

    private HorizontalLayout header() {
        HorizontalLayout header = new HorizontalLayout(new H1("Accounts"));
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        if (mayAdd) {
            Button add = new Button("Add account", VaadinIcon.PLUS.create(), event -> openAddDialog());
            add.setId("add-account");
            add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            header.add(add);
        }
        if (importer.mayImport()) {
            Button importAccounts = new Button(
                    "Import accounts",
                    VaadinIcon.UPLOAD.create(),
                    event -> new ImportAccountsDialog(importer, () -> {
                                showOverview(accounts.overview());
                                reload();
                            })
                            .open());
            importAccounts.setId("import-accounts");
            header.add(importAccounts);
        }
        return header;
    }

    private void openAddDialog() {
        AddAccountDialog dialog = new AddAccountDialog(accounts.apps());
        dialog.addSaveListener(event -> {
            UUID id;
            try {
                id = accounts.addAccount(event.form());
            } catch (InvalidAccountException e) {
                dialog.showProblems(e.problems());
                return;
            }
            dialog.close();
            UI.getCurrent()
                    .navigate(
                            AccountDetailsView.class,
                            new RouteParameters(AccountDetailsView.ACCOUNT_ID, id.toString()),
                            QueryParameters.of("added", "1"));
        });
        dialog.open();
    }

    private void showOverview(AccountsOverview overview) {
        tiles.removeAll();
        tiles.add(
                tile(overview.total() == 1 ? "1 account" : overview.total() + " accounts", overview.total(), "ALL"),
                tile(overview.mfaOnNoCodes() + " MFA on, no codes", overview.mfaOnNoCodes(), "MFA_ON_NO_CODES"),
                tile(overview.lowCodes() + " low on codes", overview.lowCodes(), "LOW_CODES"),
                tile(
                        overview.oldCodes()
                                + (overview.oldCodes() == 1 ? " account's codes are" : " accounts' codes are")
                                + " older than " + overview.staleAfterDays() + " days",
                        overview.oldCodes(),
                        "OLD_CODES"));
    }

    private Span tile(String text, int count, String id) {
        Span tile = new Span(text);
        tile.addClassName("overview-tile");
        tile.getElement().setAttribute("data-filter", id);
        tile.getElement().getThemeList().add(count > 0 && !"ALL".equals(id) ? "badge error" : "badge contrast");
        // A chip shows its accounts: click it, or Enter or Space on it.
        tile.getElement().setAttribute("role", "button");
        tile.getElement().setAttribute("tabindex", "0");
        tile.getElement().setAttribute("aria-label", "Show: " + text);
        tile.addClickListener(event -> filter.setValue(CardFilter.valueOf(id)));
        tile.getElement()
                .addEventListener("keydown", event -> filter.setValue(CardFilter.valueOf(id)))
                .setFilter("event.key === 'Enter' || event.key === ' '");
        return tile;
    }

    private void reload() {
        // The chip of the filter shown is pressed: it says what the cards below are.
        tiles.getChildren()
                .forEach(tile -> tile.getElement()
                        .setAttribute(
                                "aria-pressed",
                                String.valueOf(filter.getValue() != null
                                        && filter.getValue()
                                                .name()
                                                .equals(tile.getElement().getAttribute("data-filter")))));
        cards.removeAll();
        loaded = 0;
        loadPage();
        empty.setText(
                !(filter.getValue() == CardFilter.ALL && search.getValue().isBlank())
                        ? "No account matches."
                        : mayAdd
                                ? "No accounts yet. Add the first one with Add account."
                                : "No accounts are shared with you yet. Ask an Account owner to add you.");
        empty.setVisible(loaded == 0);
    }

    private void loadPage() {
        List<AccountCard> page =
                accounts.listCards(filter.getValue(), search.getValue(), sort.getValue(), loaded, PAGE_SIZE + 1);
        page.stream().limit(PAGE_SIZE).map(AccountCardLink::new).forEach(cards::add);
        loaded += Math.min(page.size(), PAGE_SIZE);
        more.setVisible(page.size() > PAGE_SIZE);
    }
}
