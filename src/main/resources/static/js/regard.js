// Regard's only script besides htmx: keyboard shortcuts and a few progressive enhancements.
// Elements opt in with data-shortcut="key": inputs get focus, everything else is clicked.
(function () {
    "use strict";
    let pendingG = false;

    function typing(target) {
        const tag = target.tagName;
        return target.isContentEditable || tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT";
    }

    function rows() {
        return Array.from(document.querySelectorAll("[data-row-link]"));
    }

    function moveRow(step) {
        const all = rows();
        if (all.length === 0) {
            return;
        }
        let index = all.findIndex(r => r.classList.contains("current"));
        all.forEach(r => r.classList.remove("current"));
        index = Math.max(0, Math.min(all.length - 1, index + step));
        all[index].classList.add("current");
        const link = all[index].querySelector("a");
        if (link) {
            link.focus();
        }
    }

    // A destructive shortcut (data-shortcut-undo names its notice) waits a few seconds with an Undo, like a reply in
    // the mail outbox's undo window: nothing is sent until the time is up, and Undo (or z, or Escape) forgets it.
    // Leaving the page inside the window sends it at once, so what the agent asked for still happens.
    let pending = null;

    function deferWithUndo(target) {
        cancelPending();
        const notice = document.getElementById(target.dataset.shortcutUndo);
        const seconds = Number(target.dataset.undoSeconds || 5);
        pending = {target: target, notice: notice, timer: setTimeout(runPending, seconds * 1000)};
        if (notice) {
            notice.hidden = false;
        }
    }

    function runPending() {
        const action = pending;
        pending = null;
        if (action.notice) {
            action.notice.hidden = true;
        }
        action.target.click();
    }

    function cancelPending() {
        if (!pending) {
            return false;
        }
        clearTimeout(pending.timer);
        if (pending.notice) {
            pending.notice.hidden = true;
        }
        pending = null;
        return true;
    }

    document.addEventListener("click", function (event) {
        if (event.target.closest && event.target.closest("[data-undo]")) {
            cancelPending();
        }
    });

    window.addEventListener("pagehide", function () {
        const form = pending && pending.target.form;
        if (form && navigator.sendBeacon) {
            clearTimeout(pending.timer);
            pending = null;
            navigator.sendBeacon(form.action, new URLSearchParams(new FormData(form)));
        }
    });

    // A page shown again after a form failed keeps the form's own address, never the address it was posted to, so
    // reloading it loads the page instead of a POST-only address (data-page-url on the top bar, see web.FailedForms).
    const topbar = document.querySelector("[data-page-url]");
    if (topbar && window.history.replaceState) {
        window.history.replaceState(null, "", topbar.dataset.pageUrl);
    }

    document.addEventListener("keydown", function (event) {
        if (pending && (event.key === "z" || event.key === "Escape") && !typing(event.target)) {
            cancelPending();
            event.preventDefault();
            return;
        }
        if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) {
            return;
        }
        const key = event.key;
        if (pendingG) {
            pendingG = false;
            if (key === "i") {
                window.location.href = document.body.dataset.inbox || "/inbox";
                event.preventDefault();
            }
            return;
        }
        if (key === "g") {
            pendingG = true;
            return;
        }
        if (key === "?") {
            const dialog = document.getElementById("shortcuts");
            if (dialog && typeof dialog.showModal === "function") {
                dialog.showModal();
                event.preventDefault();
            }
            return;
        }
        if (key === "j" || key === "k") {
            moveRow(key === "j" ? 1 : -1);
            event.preventDefault();
            return;
        }
        // a page's own field wins over the top bar's (on the customer list, "/" searches customers)
        const selector = '[data-shortcut="' + CSS.escape(key) + '"]';
        const target = document.querySelector("main " + selector) || document.querySelector(selector);
        if (!target) {
            return;
        }
        event.preventDefault();
        // e.g. "r" on the composer's text: choose the reply mode first, then write
        const select = target.dataset.shortcutSelects && document.getElementById(target.dataset.shortcutSelects);
        if (select && !select.checked) {
            select.click();
        }
        if (typing(target)) {
            target.focus();
        } else if (target.dataset.shortcutUndo) {
            deferWithUndo(target);
        } else {
            target.click();
        }
    });

    // Composer tabs: choosing "reply", "note" or "log a call" switches the form's action and label.
    document.addEventListener("change", function (event) {
        const radio = event.target;
        if (!radio.matches("[data-composer-mode]")) {
            return;
        }
        const form = radio.closest("form");
        form.setAttribute("action", radio.dataset.action);
        form.querySelectorAll("[data-mode-only]").forEach(function (el) {
            el.hidden = el.dataset.modeOnly !== radio.value;
        });
    });

    // Files on a reply: a file over the server's limit is refused in the browser, before anything is sent, so the
    // typed text stays where it is. The limits come from data attributes on the file field.
    document.addEventListener("submit", function (event) {
        const input = event.target.querySelector("input[type=file][data-max-file-size]");
        if (!input || !input.files) {
            return;
        }
        const maxFile = Number(input.dataset.maxFileSize);
        const maxAll = Number(input.dataset.maxRequestSize);
        let total = 0;
        let tooLarge = false;
        Array.from(input.files).forEach(function (file) {
            total += file.size;
            tooLarge = tooLarge || file.size > maxFile;
        });
        const error = document.getElementById(input.id + "-error");
        if (tooLarge || total > maxAll) {
            event.preventDefault();
            event.stopPropagation();
            if (error) {
                error.hidden = false;
            }
            input.setAttribute("aria-invalid", "true");
            input.focus();
        } else if (error) {
            error.hidden = true;
            input.removeAttribute("aria-invalid");
        }
    }, true);

    // The formatted version of a message loads when the agent opens it; "show remote images" loads it again with them.
    document.addEventListener("toggle", function (event) {
        const details = event.target;
        if (!details.matches || !details.matches("details.formatted") || !details.open) {
            return;
        }
        const frame = details.querySelector("iframe[data-src]");
        if (frame && !frame.getAttribute("src")) {
            frame.setAttribute("src", frame.dataset.src);
        }
    }, true);

    document.addEventListener("click", function (event) {
        const button = event.target.closest && event.target.closest("[data-remote-images]");
        if (!button) {
            return;
        }
        const frame = document.getElementById(button.dataset.frame);
        if (frame) {
            frame.setAttribute("src", button.dataset.remoteImages);
            button.disabled = true;
        }
    });

    // A form is sent once: the button is disabled after the first submit (the server also
    // ignores a repeated submission key, so a second request changes nothing).
    document.addEventListener("submit", function (event) {
        const form = event.target;
        if (form.dataset.submitted === "true") {
            event.preventDefault();
            return;
        }
        form.dataset.submitted = "true";
        setTimeout(function () { form.dataset.submitted = "false"; }, 5000);
    });
})();
