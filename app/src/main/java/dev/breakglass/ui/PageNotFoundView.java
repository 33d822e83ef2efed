package dev.breakglass.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.router.RouteNotFoundError;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/** An unknown address (and, in production, a page the member may not open): the app's own not-found page. */
@ParentLayout(MainLayout.class)
@PageTitle(NotFoundPage.TITLE)
@PermitAll
public class PageNotFoundView extends RouteNotFoundError {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        getElement().removeAllChildren();
        getElement().appendChild(NotFoundPage.content().getElement());
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
