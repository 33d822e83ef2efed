package dev.breakglass.account.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.breakglass.account.AccountField;
import dev.breakglass.account.AccountForm;
import dev.breakglass.account.AppChoice;
import dev.breakglass.account.MfaState;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The fields of an account, for adding and editing: App (or Other app with its name), Label, Login name, MFA,
 * Sign-in URL and Notes. Problems from the service show next to their field; what was typed stays.
 */
class AccountFields extends FormLayout {

    private final ComboBox<AppChoice> app = new ComboBox<>("App");
    private final TextField otherAppName = new TextField("App name");
    private final TextField label = new TextField("Label");
    private final TextField loginName = new TextField("Login name");
    private final RadioButtonGroup<MfaState> mfa = new RadioButtonGroup<>("MFA");
    private final TextField url = new TextField("Sign-in URL");
    private final TextArea notes = new TextArea("Notes");
    private final Map<AccountField, HasValidation> fields = new EnumMap<>(AccountField.class);

    AccountFields(List<AppChoice> apps) {
        app.setId("account-app");
        app.setItems(apps);
        app.setItemLabelGenerator(AppChoice::name);
        app.setRequiredIndicatorVisible(true);
        app.addValueChangeListener(event -> otherAppName.setVisible(
                event.getValue() != null && event.getValue().isOther()));
        otherAppName.setId("account-app-name");
        otherAppName.setVisible(false);
        otherAppName.setMaxLength(100);
        label.setId("account-label");
        label.setRequiredIndicatorVisible(true);
        label.setHelperText("How your team calls this account, such as \u201cAcme GitHub\u201d.");
        loginName.setId("account-login-name");
        mfa.setId("account-mfa");
        mfa.setItems(MfaState.values());
        mfa.setItemLabelGenerator(state -> switch (state) {
            case ON -> "On";
            case OFF -> "Off";
            case UNKNOWN -> "Unknown";
        });
        mfa.setValue(MfaState.UNKNOWN);
        url.setId("account-url");
        url.setPlaceholder("https://");
        notes.setId("account-notes");
        notes.setHelperText(
                "Notes are not secrets: everyone with access reads them. Never put codes or passwords here.");
        fields.put(AccountField.APP, app);
        fields.put(AccountField.APP_NAME, otherAppName);
        fields.put(AccountField.LABEL, label);
        fields.put(AccountField.LOGIN_NAME, loginName);
        fields.put(AccountField.URL, url);
        fields.put(AccountField.NOTES, notes);
        add(app, otherAppName, label, loginName, mfa, url, notes);
        setColspan(notes, 2);
    }

    /** Fills the fields from a saved account; {@code appName} names an app that no running plugin serves now. */
    void setForm(AccountForm form, String appName, List<AppChoice> apps) {
        app.setValue(apps.stream()
                .filter(choice -> choice.key().equals(form.appKey()))
                .findFirst()
                .orElse(
                        form.otherAppName() != null || form.appKey() == null
                                ? AppChoice.other()
                                : new AppChoice(form.appKey(), appName)));
        otherAppName.setValue(form.otherAppName() == null ? "" : form.otherAppName());
        label.setValue(form.label());
        loginName.setValue(form.loginName() == null ? "" : form.loginName());
        mfa.setValue(form.mfaState());
        url.setValue(form.signInUrl() == null ? "" : form.signInUrl());
        notes.setValue(form.notes() == null ? "" : form.notes());
    }

    AccountForm form() {
        AppChoice chosen = app.getValue();
        return new AccountForm(
                chosen == null ? null : chosen.key(),
                otherAppName.getValue(),
                label.getValue(),
                loginName.getValue(),
                mfa.getValue(),
                url.getValue(),
                notes.getValue());
    }

    /** Shows each problem next to its field and clears the others. */
    void showProblems(Map<AccountField, String> problems) {
        fields.forEach((field, component) -> {
            String problem = problems.get(field);
            component.setErrorMessage(problem);
            component.setInvalid(problem != null);
        });
        if (problems.containsKey(AccountField.LABEL)) {
            label.focus();
        }
    }
}
