// What an agent types is never lost: the composer's draft is saved on the server as they type, leaving a page with
// unsaved text asks first, Enter in a lookup field searches instead of sending a form, and a form sent again after
// Back carries the submission key it was first sent with (so the server finds what the first one made).
(function () {
    "use strict";
    const SAVE_AFTER_MS = 800;
    const KEEPALIVE_BYTES = 60000;
    let leaving = false;

    function csrf(form) {
        const field = form.querySelector("input[name=_csrf]");
        return field ? field.value : "";
    }

    // --- The composer's draft (form[data-draft-url]) ---
    const composer = document.querySelector("form[data-draft-url]");
    let saved = null;
    let timer = null;
    let stopped = false;

    function draftText() {
        const mode = composer.querySelector("input[name=mode]:checked");
        const body = composer.querySelector("textarea[name=body]");
        return {mode: mode ? mode.value : "reply", body: body ? body.value : ""};
    }

    function sameAsSaved(text) {
        return saved !== null && saved.mode === text.mode && saved.body === text.body;
    }

    function showState(state) {
        const status = document.getElementById("composer-draft-status");
        if (!status) {
            return;
        }
        status.dataset.state = state;
        status.querySelectorAll("[data-draft-state]").forEach(function (el) {
            el.hidden = el.dataset.draftState !== state;
        });
    }

    function saveDraft(keepalive) {
        clearTimeout(timer);
        timer = null;
        const text = draftText();
        if (stopped || sameAsSaved(text)) {
            return;
        }
        const key = composer.querySelector("input[name=submissionKey]");
        const params = new URLSearchParams({mode: text.mode, body: text.body, submissionKey: key ? key.value : "", _csrf: csrf(composer)});
        showState("saving");
        fetch(composer.dataset.draftUrl, {method: "POST", body: params, credentials: "same-origin", keepalive: keepalive === true})
            .then(function (answer) {
                if (answer.status === 204) {
                    saved = text;
                    showState(text.body.trim() === "" ? "none" : "saved");
                    const discard = document.getElementById("discard-draft");
                    if (discard) {
                        discard.hidden = text.body.trim() === "";
                    }
                } else if (answer.status === 409) {
                    // this text's own submission was written already: nothing left to keep
                    stopped = true;
                    showState("none");
                } else {
                    showState("failed");
                }
            })
            .catch(function () {
                showState("failed");
            });
    }

    function scheduleSave() {
        if (!leaving && !stopped) {
            clearTimeout(timer);
            timer = setTimeout(saveDraft, SAVE_AFTER_MS);
        }
    }

    if (composer) {
        // text shown from the server's draft is saved; text sent back with an error (or a reply taken back) is not yet
        saved = composer.dataset.draftStale === "true" ? null : draftText();
        if (saved === null) {
            saveDraft();
        }
        composer.addEventListener("input", function (event) {
            if (event.target.name === "body") {
                scheduleSave();
            }
        });
        composer.addEventListener("change", function (event) {
            if (event.target.name === "mode") {
                scheduleSave();
            }
        });
        // a reply template inserted with htmx replaces the text area
        document.body.addEventListener("htmx:afterSwap", function (event) {
            if (composer.contains(event.target)) {
                scheduleSave();
            }
        });
        composer.addEventListener("submit", function (event) {
            if (!event.defaultPrevented) {
                leaving = true;
                clearTimeout(timer);
            }
        });
    }

    // --- Leaving with unsaved text asks first (the composer, and forms marked data-unsaved-guard) ---
    const guarded = Array.from(document.querySelectorAll("form[data-unsaved-guard]"));

    function typedText(form) {
        return Array.from(form.querySelectorAll("input[type=text], input[type=email], input[type=tel], textarea"))
            .map(function (field) { return field.value; }).join("\u0000");
    }

    const initial = new Map(guarded.map(function (form) { return [form, typedText(form)]; }));
    guarded.forEach(function (form) {
        form.addEventListener("submit", function (event) {
            if (!event.defaultPrevented) {
                leaving = true;
            }
        });
    });

    window.addEventListener("beforeunload", function (event) {
        if (leaving) {
            return;
        }
        let unsaved = guarded.some(function (form) { return typedText(form) !== initial.get(form); });
        if (composer && !stopped && !sameAsSaved(draftText())) {
            // the last keystrokes are sent on their way (a keepalive request outlives the page); the agent is asked
            // only when saving has been failing or the text is too long for such a request (64 KB)
            const status = document.getElementById("composer-draft-status");
            const failing = status && status.dataset.state === "failed";
            const tooLong = encodeURIComponent(draftText().body).length > KEEPALIVE_BYTES;
            if (!tooLong) {
                saveDraft(true);
            }
            unsaved = unsaved || failing || tooLong;
        }
        if (unsaved) {
            event.preventDefault();
            event.returnValue = "";
        }
    });
    // a submit that the browser then refused (or a file too large) lets the guard work again once the page stays
    window.addEventListener("pageshow", function () {
        leaving = false;
    });

    // --- Enter in a lookup field searches now; it never sends the page's form (which would lose what was typed) ---
    document.addEventListener("keydown", function (event) {
        const field = event.target;
        if (event.key !== "Enter" || !field.matches || !field.matches("input[data-lookup]")) {
            return;
        }
        event.preventDefault();
        if (window.htmx) {
            window.htmx.trigger(field, "search");
        }
    });

    // --- A form sent again after Back keeps its first submission key (form[data-submission-memory]) ---
    const navigation = performance.getEntriesByType ? performance.getEntriesByType("navigation")[0] : null;
    document.querySelectorAll("form[data-submission-memory]").forEach(function (form) {
        const field = form.querySelector("input[name=submissionKey]");
        const memory = "regard.sent:" + form.id;
        if (!field) {
            return;
        }
        let remembered = null;
        try {
            remembered = window.sessionStorage.getItem(memory);
            if (navigation && navigation.type === "back_forward" && remembered) {
                field.value = remembered;
            } else {
                window.sessionStorage.removeItem(memory);
            }
        } catch (ignored) {
            // no session storage (a private window may refuse it): the server still refuses the same key twice
        }
        form.addEventListener("submit", function (event) {
            if (!event.defaultPrevented) {
                try {
                    window.sessionStorage.setItem(memory, field.value);
                } catch (ignored) {
                    // as above
                }
            }
        });
    });
})();
