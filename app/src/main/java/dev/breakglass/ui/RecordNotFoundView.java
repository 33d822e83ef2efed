package dev.breakglass.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.ParentLayout;
import dev.breakglass.security.NotFoundException;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A service said "not found" while a page opened (an account that does not exist or is not shared with the member):
 * the same not-found page as an unknown address.
 */
@ParentLayout(MainLayout.class)
@PageTitle(NotFoundPage.TITLE)
@PermitAll
public class RecordNotFoundView extends Div implements HasErrorParameter<NotFoundException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        removeAll();
        add(NotFoundPage.content());
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
