package dev.breakglass.account.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import dev.breakglass.account.AccountCard;
import dev.breakglass.account.MfaState;

/** One account card; the whole card is a link to the account's details page. */
class AccountCardLink extends RouterLink {

    AccountCardLink(AccountCard card) {
        super(
                AccountDetailsView.class,
                new RouteParameters(AccountDetailsView.ACCOUNT_ID, card.id().toString()));
        addClassName("account-card");
        getElement().setAttribute("data-label", card.label());

        H3 label = new H3(card.label());
        label.addClassName("account-card-label");
        Span app = new Span(card.appName());
        app.addClassName("account-card-app");
        Span login = new Span(card.loginName() == null ? "" : card.loginName());
        login.addClassName("account-card-login");

        Span mfa = badge(card.mfaState().label(), card.mfaState() == MfaState.ON ? "success" : "contrast");
        Span codes = card.codesSaved()
                ? badge(
                        card.codesRemaining() + " of " + card.codeCount()
                                + (card.codeCount() == 1 ? " code left" : " codes left"),
                        "success")
                : badge("No codes saved", card.mfaState() == MfaState.ON ? "error" : "contrast");
        codes.addClassName("account-card-codes");
        Div badges = new Div(mfa, codes);
        badges.addClassName("account-card-badges");
        add(label, app, login, badges);
    }

    private static Span badge(String text, String theme) {
        Span badge = new Span(text);
        badge.getElement().getThemeList().add("badge " + theme);
        return badge;
    }
}
