package dev.breakglass.backupcodes.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import dev.breakglass.testing.KaribuTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A long paste scrolls inside the field; what is wrong with it is shown above the field, next to the count. */
class LongPasteUiTest extends KaribuTest {

    @Test
    void twoHundredCodes_keepTheFieldCapped_andTheProblemStaysAboveTheField() {
        loginAs("alice@acme.test");
        openEmergencyControls("Google Workspace");
        _click(_get(Button.class, spec -> spec.withId("add-codes")));
        StringBuilder paste = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            paste.append(String.format("%08d%n", 10_000_000 + i));
        }
        TextArea field = _get(TextArea.class, spec -> spec.withLabel("MFA Backup Codes"));

        _setValue(field, paste.toString());

        assertThat(field.getMaxHeight()).isEqualTo("24rem");
        assertThat(_get(Span.class, spec -> spec.withId("codes-found")).getText())
                .contains("More than 100 codes");
        assertThat(isAboveTheField(_get(Span.class, spec -> spec.withId("codes-found")), field))
                .isTrue();

        _click(_get(Button.class, spec -> spec.withId("save-codes")));

        Div problem = _get(Div.class, spec -> spec.withId("paste-problem"));
        assertThat(problem.getText()).contains("More than 100 codes");
        assertThat(isAboveTheField(problem, field)).isTrue();
        assertThat(field.getValue()).isEqualTo(paste.toString());
    }

    /** Whether the component comes before the field in the dialog's content, so it shows above it. */
    private static boolean isAboveTheField(Component component, TextArea field) {
        Component container = field.getParent().orElseThrow();
        List<Component> order = container.getChildren().toList();
        Component statusBlock = component;
        while (statusBlock.getParent().isPresent() && statusBlock.getParent().get() != container) {
            statusBlock = statusBlock.getParent().get();
        }
        return order.contains(statusBlock) && order.indexOf(statusBlock) < order.indexOf(field);
    }
}
