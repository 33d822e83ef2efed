package dev.breakglass.backupcodes.ui;

import com.vaadin.flow.component.ClickEvent;
import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import dev.breakglass.backupcodes.RevealedCodes;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.function.BiConsumer;

/**
 * The revealed codes: unused first, used ones struck through with when and by whom. Rows keep their places while
 * the list is shown (marking a code changes its row where it is), so a second click never lands on another code.
 * Closes itself (through {@code onIdle}) after a minute without activity on the page.
 */
class CodeList extends Div {

    static final int IDLE_MILLIS = 60_000;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'");
    private static final String IDLE_WATCH = """
            const list = this;
            let timer;
            const reset = () => { clearTimeout(timer); timer = setTimeout(() => list.$server.idle(), $0); };
            const events = ['pointermove', 'pointerdown', 'keydown', 'wheel', 'touchstart'];
            events.forEach(e => document.addEventListener(e, reset, {passive: true}));
            window.breakglassStopIdleWatch && window.breakglassStopIdleWatch();
            window.breakglassStopIdleWatch = () => {
                clearTimeout(timer);
                events.forEach(e => document.removeEventListener(e, reset));
                window.breakglassStopIdleWatch = undefined;
            };
            reset();
            """;

    private final Runnable onIdle;
    private final BiConsumer<Integer, Boolean> onMark;

    /**
     * @param onMark called with a position and the new used state, when the user marks a code
     */
    CodeList(RevealedCodes revealed, BiConsumer<Integer, Boolean> onMark, Runnable onIdle) {
        this.onIdle = onIdle;
        this.onMark = onMark;
        setId("revealed-codes");
        addClassName("revealed-codes");
        revealed.codes().stream()
                .sorted(Comparator.comparing(RevealedCodes.Code::used).thenComparing(RevealedCodes.Code::position))
                .forEach(code -> add(row(code)));
        addAttachListener(event -> getElement().executeJs(IDLE_WATCH, IDLE_MILLIS));
        addDetachListener(event -> event.getUI()
                .getPage()
                .executeJs("window.breakglassStopIdleWatch && window.breakglassStopIdleWatch()"));
    }

    /** The page was left alone for a minute: the codes go. */
    @ClientCallable
    void idle() {
        onIdle.run();
    }

    /** Shows a code's new state in its own row, which stays where it is. */
    void show(RevealedCodes.Code code) {
        getChildren()
                .filter(row ->
                        String.valueOf(code.position()).equals(row.getElement().getAttribute("data-position")))
                .findFirst()
                .ifPresent(old -> {
                    Div row = row(code);
                    replace(old, row);
                    // The button clicked is gone with its row: the focus moves to its successor in the same row.
                    row.getChildren()
                            .filter(Button.class::isInstance)
                            .map(Button.class::cast)
                            .reduce((first, last) -> last)
                            .ifPresent(Button::focus);
                });
    }

    private Div row(RevealedCodes.Code code) {
        String shown = code.shown();
        Span position = new Span(code.position() + ".");
        position.addClassName("code-position");
        Span value = new Span(shown);
        value.addClassName("code-value");
        Div row = new Div(position, value);
        row.addClassName("code");
        row.getElement().setAttribute("data-position", String.valueOf(code.position()));
        if (code.used()) {
            row.addClassName("used");
            Span used = new Span("used " + WHEN.format(code.usedAt())
                    + (code.usedByName() == null ? "" : " by " + code.usedByName()));
            used.addClassName("code-used");
            Button undo = new Button("Mark unused", event -> markOnce(event, code.position(), false));
            undo.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            undo.addClassName("mark-unused");
            undo.getElement().setAttribute("aria-label", "Mark code " + code.position() + " unused");
            row.add(used, undo);
        } else {
            Button copy = new Button(VaadinIcon.COPY_O.create(), event -> Clipboard.copy(code.value()));
            copy.getElement().setAttribute("aria-label", "Copy code " + code.position());
            copy.setTooltipText("Copy");
            copy.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            copy.addClassName("copy-code");
            Button markUsed = new Button("Mark used", event -> markOnce(event, code.position(), true));
            markUsed.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            markUsed.addClassName("mark-used");
            markUsed.getElement().setAttribute("aria-label", "Mark code " + code.position() + " used");
            row.add(copy, markUsed);
        }
        return row;
    }

    /** The second click of a double click is not a second request: it would undo the first, or mark another code. */
    private void markOnce(ClickEvent<Button> click, int position, boolean used) {
        if (click.getClickCount() <= 1) {
            onMark.accept(position, used);
        }
    }
}
