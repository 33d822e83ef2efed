package dev.breakglass.backupcodes.ui;

import com.vaadin.flow.component.html.Span;
import dev.breakglass.backupcodes.CodeRequest;
import java.time.format.DateTimeFormatter;

/** How a request's state reads on the account page, the same words for the requester and the Owners. */
final class RequestDescriptions {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'");

    private RequestDescriptions() {}

    static Span badge(CodeRequest request) {
        Span state = new Span(request.state().label());
        state.addClassName("request-state");
        state.getElement().setAttribute("data-state", request.state().name());
        state.getElement()
                .getThemeList()
                .add(
                        switch (request.state()) {
                            case PENDING -> "badge";
                            case APPROVED -> "badge success";
                            case DENIED -> "badge error";
                            default -> "badge contrast";
                        });
        return state;
    }

    /** What happened to the request, in a sentence or two. */
    static String status(CodeRequest request) {
        String answeredBy = request.answeredByName() == null ? "an Owner" : request.answeredByName();
        String note = request.answerNote() == null ? "" : " Note: \"" + request.answerNote() + "\"";
        return switch (request.state()) {
            case PENDING -> {
                String text = "Waiting for an Owner's answer.";
                if (request.approvalsNeeded() > request.approvedBy().size()
                        && !request.approvedBy().isEmpty()) {
                    text = "Approved by " + String.join(", ", request.approvedBy())
                            + "; a second Owner must approve too.";
                }
                if (request.autoApproveAt() != null) {
                    text += " Approved by itself at " + WHEN.format(request.autoApproveAt())
                            + " unless an Owner denies it.";
                }
                yield text;
            }
            case APPROVED ->
                (request.autoApproved()
                                ? "Approved automatically: no Owner answered within the waiting period."
                                : "Approved by " + String.join(", ", request.approvedBy()) + ".")
                        + " One code can be taken until " + WHEN.format(request.approvalExpiresAt()) + "." + note;
            case DENIED -> "Denied by " + answeredBy + "." + note;
            case EXPIRED -> "The approval ran out before the code was taken.";
            case USED -> "The approved code was taken " + WHEN.format(request.endedAt()) + ".";
            case CANCELLED -> "Cancelled by " + request.requesterName() + ".";
        };
    }
}
