package org.regard.mail.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.regard.accounts.Accounts;
import org.regard.mail.mailboxes.InvalidMailbox;
import org.regard.mail.mailboxes.Mailbox;
import org.regard.mail.mailboxes.MailboxCheck;
import org.regard.mail.mailboxes.Mailboxes;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.regard.mail.outbox.MailReplyChannel;

import java.util.NoSuchElementException;
import java.util.Set;
import java.util.UUID;

/**
 * The admin's pages for mailboxes: the list, making one, editing one (passwords are never shown; an empty password
 * field keeps the stored one), deactivating and reactivating, and testing the connection step by step (an htmx
 * fragment, or the whole page without JavaScript). Mailboxes declared in configuration are shown read-only. Only
 * admins reach {@code /admin/**} (see the web security chain).
 */
@Controller
class MailboxAdminController {
    static final String FORM = "mailboxForm";
    private static final String CREATED_KEYS = MailboxAdminController.class.getName() + ".created";
    private static final Set<String> FIELDS = Set.of("address", "displayName", "teamId", "imapHost", "imapPort",
            "imapSecurity", "imapUsername", "imapPassword", "imapFolder", "smtpHost", "smtpPort", "smtpSecurity",
            "smtpUsername", "smtpPassword");

    private final Mailboxes mailboxes;
    private final MailboxCheck check;
    private final Accounts accounts;
    private final MailReplyChannel replies;

    MailboxAdminController(Mailboxes mailboxes, MailboxCheck check, Accounts accounts, MailReplyChannel replies) {
        this.mailboxes = mailboxes;
        this.replies = replies;
        this.check = check;
        this.accounts = accounts;
    }

    @GetMapping("/admin/mailboxes")
    String list(Model model) {
        model.addAttribute("mailboxes", mailboxes.all());
        model.addAttribute("teamNames", accounts.teamNames());
        model.addAttribute("stuckReplies", replies.stuckByMailbox());
        return "mail/admin/mailboxes";
    }

    @GetMapping("/admin/mailboxes/new")
    String newMailbox(Model model) {
        MailboxFormData form = new MailboxFormData();
        form.setFormKey(UUID.randomUUID().toString());
        model.addAttribute(FORM, form);
        return formPage(null, model);
    }

    @PostMapping("/admin/mailboxes")
    String create(@ModelAttribute(FORM) MailboxFormData form, BindingResult errors, HttpSession session,
                  HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Long already = createdBy(session, form.getFormKey());
        if (already != null) {
            // the same form sent again (a double click, or back and resend): it is made already
            return done(redirect, "mailboxes.created", mailboxes.find(already).map(Mailbox::address).orElse(form.getAddress()));
        }
        Mailboxes.MailboxForm values = form.toForm(true, errors);
        if (errors.hasErrors()) {
            reject(mailboxes.problems(values, null), errors, model);
        } else {
            try {
                Mailbox created = mailboxes.create(values, Mailbox.Source.ADMIN);
                rememberCreated(session, form.getFormKey(), created.id());
                return done(redirect, "mailboxes.created", created.address());
            } catch (InvalidMailbox invalid) {
                reject(invalid.problems(), errors, model);
            }
        }
        form.forgetPasswords();
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return formPage(null, model);
    }

    @GetMapping("/admin/mailboxes/{id}")
    String edit(@PathVariable long id, Model model) {
        Mailbox mailbox = existing(id);
        model.addAttribute(FORM, MailboxFormData.of(mailbox));
        return formPage(mailbox, model);
    }

    @PostMapping("/admin/mailboxes/{id}")
    String update(@PathVariable long id, @ModelAttribute(FORM) MailboxFormData form, BindingResult errors,
                  HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Mailbox mailbox = existing(id);
        Mailboxes.MailboxForm values = form.toForm(mailbox.active(), errors);
        if (errors.hasErrors()) {
            reject(mailboxes.problems(values, id), errors, model);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        } else {
            try {
                Mailbox saved = mailboxes.update(id, values, form.getVersion() == null ? -1 : form.getVersion());
                return done(redirect, "mailboxes.saved", saved.address());
            } catch (InvalidMailbox invalid) {
                reject(invalid.problems(), errors, model);
                response.setStatus(HttpStatus.BAD_REQUEST.value());
            } catch (OptimisticLockingFailureException conflict) {
                // keep what the admin typed; saving again (with the version they now saw) replaces the other change
                mailbox = existing(id);
                form.setVersion(mailbox.version());
                model.addAttribute("error", "mailboxes.error.conflict");
                response.setStatus(HttpStatus.CONFLICT.value());
            }
        }
        form.forgetPasswords();
        return formPage(mailbox, model);
    }

    @PostMapping("/admin/mailboxes/{id}/deactivate")
    String deactivate(@PathVariable long id, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return setActive(id, false, response, model, redirect);
    }

    @PostMapping("/admin/mailboxes/{id}/activate")
    String activate(@PathVariable long id, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return setActive(id, true, response, model, redirect);
    }

    /** Tests the values of the new-mailbox form, before saving. */
    @PostMapping("/admin/mailboxes/check")
    String checkNew(@ModelAttribute(FORM) MailboxFormData form, BindingResult errors,
                    @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        List<MailboxCheck.Report> reports = check.check(null, form.imap(errors), form.smtp(errors));
        return checked(null, form, reports, htmx, model);
    }

    /** Tests the values of the edit form; an empty password field means the stored password. */
    @PostMapping("/admin/mailboxes/{id}/check")
    String checkEdited(@PathVariable long id, @ModelAttribute(FORM) MailboxFormData form, BindingResult errors,
                       @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        existing(id);
        List<MailboxCheck.Report> reports = check.check(id, form.imap(errors), form.smtp(errors));
        return checked(existing(id), form, reports, htmx, model);
    }

    /** Tests the saved settings of a mailbox (the button of a mailbox declared in configuration). */
    @PostMapping("/admin/mailboxes/{id}/test")
    String checkSaved(@PathVariable long id, @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        existing(id);
        List<MailboxCheck.Report> reports = check.check(id);
        Mailbox mailbox = existing(id);
        return checked(mailbox, MailboxFormData.of(mailbox), reports, htmx, model);
    }

    private String checked(Mailbox mailbox, MailboxFormData form, List<MailboxCheck.Report> reports, String htmx, Model model) {
        form.forgetPasswords();
        model.addAttribute("reports", reports);
        model.addAttribute("checked", true);
        if (htmx != null) {
            return "mail/admin/check :: results";
        }
        model.addAttribute(FORM, form);
        return formPage(mailbox, model);
    }

    private String setActive(long id, boolean active, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Mailbox mailbox = existing(id);
        try {
            mailboxes.setActive(id, active);
        } catch (InvalidMailbox configured) {
            model.addAttribute(FORM, MailboxFormData.of(mailbox));
            model.addAttribute("error", "mailboxes.error.config");
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return formPage(mailbox, model);
        }
        return done(redirect, active ? "mailboxes.activated" : "mailboxes.deactivated", mailbox.address());
    }

    /** Marks each problem on its field (a field already marked keeps its first problem). */
    private static void reject(List<InvalidMailbox.Problem> problems, BindingResult errors, Model model) {
        for (InvalidMailbox.Problem problem : problems) {
            if (FIELDS.contains(problem.field())) {
                if (errors.getFieldErrorCount(problem.field()) > 0) {
                    continue;
                }
                errors.rejectValue(problem.field(), problem.code(), problem.message());
            } else {
                model.addAttribute("error", problem.code());
            }
        }
    }

    private Mailbox existing(long id) {
        return mailboxes.find(id).orElseThrow(() -> new NoSuchElementException("No mailbox " + id));
    }

    private static String done(RedirectAttributes redirect, String message, String address) {
        redirect.addFlashAttribute("message", message);
        redirect.addFlashAttribute("messageArg", address);
        return "redirect:/admin/mailboxes";
    }

    @SuppressWarnings("unchecked")
    private static Long createdBy(HttpSession session, String formKey) {
        Object keys = session.getAttribute(CREATED_KEYS);
        return formKey.isBlank() || !(keys instanceof Map<?, ?> map) ? null : ((Map<String, Long>) map).get(formKey);
    }

    @SuppressWarnings("unchecked")
    private static void rememberCreated(HttpSession session, String formKey, long id) {
        if (formKey.isBlank()) {
            return;
        }
        Object keys = session.getAttribute(CREATED_KEYS);
        HashMap<String, Long> map = keys instanceof Map<?, ?> m ? new HashMap<>((Map<String, Long>) m) : new HashMap<>();
        if (map.size() > 50) {
            map.clear();
        }
        map.put(formKey, id);
        session.setAttribute(CREATED_KEYS, map);
    }

    /** The form page: for a new mailbox when {@code mailbox} is null, else for that mailbox. */
    private String formPage(Mailbox mailbox, Model model) {
        model.addAttribute("mailbox", mailbox);
        model.addAttribute("teams", accounts.teams());
        model.addAttribute("teamNames", accounts.teamNames());
        model.addAttribute("securities", List.of("tls", "starttls", "none"));
        model.addAttribute("closedReplies", List.of(Mailbox.ClosedReply.values()));
        return "mail/admin/mailbox";
    }
}
