// Keyboard focus around dialogs, for every dialog of the app (a static file: there is no npm build).
// - When a dialog closes (after Save, Cancel, Close or Escape), focus goes back to the control that opened it. When
//   the server rebuilt that control meanwhile, its namesake (same id, else same tag and accessible name) gets it.
// - A dialog marked data-focus-cancel (a destructive one) opens with the focus on its Cancel button.
(function () {
    if (window.breakglassFocus) {
        return;
    }
    window.breakglassFocus = true;
    const DIALOGS = 'vaadin-dialog, vaadin-confirm-dialog';
    const openers = new WeakMap();
    // The dialog that closed last: a dialog opened as another closes (Confirm it is you, then the codes) goes back
    // where that one would have.
    let lastClosed = null;

    function deepActive() {
        let active = document.activeElement;
        while (active && active.shadowRoot && active.shadowRoot.activeElement) {
            active = active.shadowRoot.activeElement;
        }
        return active;
    }

    function focusable(element) {
        return element.closest('vaadin-button, a, [tabindex]') || element;
    }

    function labelOf(element) {
        return element.getAttribute('aria-label') || (element.textContent || '').trim() || null;
    }

    function overlayOf(dialog) {
        return dialog._overlayElement || (dialog.$ && dialog.$.overlay) || dialog;
    }

    function openDialogs() {
        return Array.from(document.querySelectorAll(DIALOGS)).filter((dialog) => dialog.opened);
    }

    /** The dialog whose content holds the element, if any. */
    function dialogHolding(element) {
        return openDialogs().find((dialog) => dialog.contains(element) || overlayOf(dialog).contains(element));
    }

    function remember(dialog) {
        const active = deepActive();
        const closing = lastClosed && lastClosed !== dialog && !lastClosed.opened;
        if (!active || active === document.body || (closing && overlayOf(lastClosed).contains(active))) {
            if (closing && openers.get(lastClosed)) {
                openers.set(dialog, openers.get(lastClosed));
            }
            return;
        }
        const element = focusable(active);
        openers.set(dialog, {
            element: element,
            id: element.id || null,
            label: labelOf(element),
            tag: element.localName,
            // Opened from inside another dialog: when that one is gone too, its own opener is next in line.
            within: dialogHolding(element) || null,
        });
    }

    function namesake(opener) {
        if (opener.element.isConnected && !opener.element.hasAttribute('disabled')) {
            return opener.element;
        }
        if (opener.id) {
            const byId = document.getElementById(opener.id);
            if (byId && !byId.hasAttribute('disabled')) {
                return byId;
            }
        }
        const main = document.getElementById('main-content') || document.body;
        if (opener.label) {
            for (const candidate of main.querySelectorAll(opener.tag)) {
                if (labelOf(candidate) === opener.label && !candidate.hasAttribute('disabled')) {
                    return candidate;
                }
            }
        }
        return null;
    }

    function target(dialog) {
        let opener = openers.get(dialog);
        while (opener && opener.within && !opener.within.opened) {
            opener = openers.get(opener.within);
        }
        return (opener && namesake(opener)) || document.getElementById('main-content');
    }

    function returnFocus(dialog) {
        const active = deepActive();
        if (active && active !== document.body && !dialog.contains(active) && !overlayOf(dialog).contains(active)) {
            return; // the server put the focus somewhere on purpose (the control that replaced the opener)
        }
        const next = target(dialog);
        // While another dialog is open (the next step was opened as this one closed), focus stays in it.
        if (next && (openDialogs().length === 0 || dialogHolding(next))) {
            next.focus();
        }
    }

    const CANCEL_BUTTONS = '.dialog-cancel, [slot="cancel-button"]';

    /** Puts the focus on the dialog's Cancel button; whether there was one. */
    function focusCancel(dialog) {
        const CANCEL = CANCEL_BUTTONS;
        // Where the buttons live depends on the dialog: its own children, its overlay, or the overlay in the body.
        const cancel =
            dialog.querySelector(CANCEL) ||
            overlayOf(dialog).querySelector(CANCEL) ||
            document.querySelector(
                'vaadin-confirm-dialog-overlay[opened] .dialog-cancel, vaadin-dialog-overlay[opened] .dialog-cancel'
            );
        if (cancel) {
            cancel.focus();
            return true;
        }
        return false;
    }

    document.addEventListener(
        'opened-changed',
        (event) => {
            const dialog = event.composedPath()[0];
            if (!dialog || !dialog.matches || !dialog.matches(DIALOGS)) {
                return;
            }
            if (event.detail.value) {
                remember(dialog);
                if (dialog.hasAttribute('data-focus-cancel')) {
                    // After the dialog's own first focus has landed, which may come late; never after the user
                    // has pressed a key or the pointer.
                    let touched = false;
                    let onCancel = false;
                    const touch = () => (touched = true);
                    document.addEventListener('keydown', touch, { capture: true, once: true });
                    document.addEventListener('pointerdown', touch, { capture: true, once: true });
                    // Once Cancel has had the focus, focus going anywhere else was asked for (a click, Tab, an
                    // assistive technology, a script): never pull it back, or what is typed next lands on Cancel.
                    const moved = (focus) => {
                        const into = focus.composedPath()[0];
                        if (onCancel && !(into && into.closest && into.closest(CANCEL_BUTTONS))) {
                            touched = true;
                        }
                    };
                    document.addEventListener('focusin', moved, true);
                    for (const delay of [60, 250, 600, 1000]) {
                        setTimeout(() => {
                            if (dialog.opened && !touched) {
                                onCancel = focusCancel(dialog) || onCancel;
                            }
                            if (delay === 1000) {
                                document.removeEventListener('focusin', moved, true);
                            }
                        }, delay);
                    }
                }
            } else {
                lastClosed = dialog;
                // After the server's answer to the closing click has rebuilt what it changed.
                setTimeout(() => returnFocus(dialog), 120);
            }
        },
        true
    );
})();
