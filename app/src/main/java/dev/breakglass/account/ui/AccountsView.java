package dev.breakglass.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.breakglass.account.AccountCard;
import dev.breakglass.account.AccountService;
import dev.breakglass.ui.MainLayout;
import jakarta.annotation.security.PermitAll;
import java.util.List;

/** The accounts shared with the signed-in member, as cards, fetched a page at a time. */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Accounts · Breakglass")
@PermitAll
public class AccountsView extends VerticalLayout {

    static final int PAGE_SIZE = 24;

    private final AccountService accounts;
    private final Div cards = new Div();
    private final Button more = new Button("Show more");
    private int loaded;

    AccountsView(AccountService accounts) {
        this.accounts = accounts;
        addClassName("accounts-view");
        cards.setId("account-cards");
        cards.addClassName("account-cards");
        more.setId("more-accounts");
        more.addClickListener(event -> loadPage());
        add(new H2("Accounts"), cards, more);
        loadPage();
        if (loaded == 0) {
            add(new Paragraph("No accounts are shared with you yet. Ask an account's Owner to add you."));
        }
    }

    private void loadPage() {
        List<AccountCard> page = accounts.listCards(loaded, PAGE_SIZE + 1);
        page.stream().limit(PAGE_SIZE).map(AccountCardLink::new).forEach(cards::add);
        loaded += Math.min(page.size(), PAGE_SIZE);
        more.setVisible(page.size() > PAGE_SIZE);
    }
}
