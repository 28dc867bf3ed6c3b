package org.regard.tickets.web;

import jakarta.servlet.http.HttpServletResponse;
import org.regard.accounts.AgentPrincipal;
import org.regard.tickets.Channel;
import org.regard.tickets.IllegalTransition;
import org.regard.tickets.InvalidInput;
import org.regard.tickets.NewAttachment;
import org.regard.tickets.ResolvedMeanwhile;
import org.regard.tickets.ResolutionReasonRequired;
import org.regard.tickets.ResolutionRefused;
import org.regard.tickets.TicketCommands.Reply;
import org.regard.tickets.TicketStatus;
import org.regard.tickets.Tickets;
import org.regard.tickets.Tickets.Written;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The composer's three uses: reply to the customer, add an internal note, log a call or visit. Each
 * writes once per submission key and goes back to the ticket; a problem shows the page again with what
 * the agent typed.
 */
@Controller
class ComposerController {
    private final Tickets tickets;
    private final TicketPageModel page;
    private final TimeDisplay time;

    ComposerController(Tickets tickets, TicketPageModel page, TimeDisplay time) {
        this.tickets = tickets;
        this.page = page;
        this.time = time;
    }

    /**
     * The composer's addresses only receive forms; one loaded as a page (a bookmark, a reload without script) leads to
     * its ticket, where the draft waits, instead of an error page.
     */
    @GetMapping({"/tickets/{id}/replies", "/tickets/{id}/notes", "/tickets/{id}/contacts", "/tickets/{id}/draft"})
    String toTicket(@PathVariable long id) {
        return "redirect:/tickets/" + id;
    }

    @PostMapping("/tickets/{id}/replies")
    String reply(@PathVariable long id, @ModelAttribute("composer") ComposerForm form, BindingResult errors,
                 @RequestParam(name = "files", required = false) List<MultipartFile> files,
                 @AuthenticationPrincipal AgentPrincipal agent, Model model, RedirectAttributes redirect,
                 HttpServletResponse response) {
        form.use(ComposerMode.REPLY);
        List<NewAttachment> attachments = attachments(files);
        model.addAttribute("filesChosen", attachments.size());
        if (form.getToldBy() != null && form.getToldBy() != Channel.PHONE && form.getToldBy() != Channel.VISIT) {
            errors.rejectValue("toldBy", "composer.error.channel");
        }
        return write(id, form, errors, agent, model, redirect, response, ComposerController::replyFlash,
                () -> tickets.reply(id, new Reply(form.getBody(), form.getNextStatus(), form.getSubmissionKey(), attachments,
                        form.getToldBy(), form.isTakeIt(), form.getResolutionReason(), form.isAskReview()), agent));
    }

    /** What became of the reply, as written: held for review, queued to be sent by a channel, or recorded only. */
    private static String replyFlash(Written written) {
        if (written.message().map(m -> m.held()).orElse(false)) {
            return "ticket.flash.replyHeld";
        }
        Channel channel = written.message().map(m -> m.channel()).orElse(Channel.WEB);
        return switch (channel) {
            case EMAIL -> "ticket.flash.replyQueued";
            case PHONE, VISIT -> "ticket.flash.replyRecordedToldBy";
            default -> "ticket.flash.replyRecorded";
        };
    }

    /** The files the agent chose; an empty file field sends one nameless empty part, which is no file. */
    static List<NewAttachment> attachments(List<MultipartFile> files) {
        if (files == null) {
            return List.of();
        }
        List<NewAttachment> attachments = new ArrayList<>();
        for (MultipartFile file : files) {
            String name = file.getOriginalFilename();
            if (file.isEmpty() && (name == null || name.isBlank())) {
                continue;
            }
            try {
                attachments.add(new NewAttachment(name, file.getContentType(), null, false, file.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException("The upload of " + name + " could not be read", e);
            }
        }
        return attachments;
    }

    @PostMapping("/tickets/{id}/notes")
    String note(@PathVariable long id, @ModelAttribute("composer") ComposerForm form, BindingResult errors,
                @AuthenticationPrincipal AgentPrincipal agent, Model model, RedirectAttributes redirect,
                HttpServletResponse response) {
        form.use(ComposerMode.NOTE);
        return write(id, form, errors, agent, model, redirect, response, w -> "ticket.flash.noteAdded",
                () -> tickets.addNote(id, form.getBody(), form.getSubmissionKey(), agent));
    }

    @PostMapping("/tickets/{id}/contacts")
    String contact(@PathVariable long id, @ModelAttribute("composer") ComposerForm form, BindingResult errors,
                   @AuthenticationPrincipal AgentPrincipal agent, Model model, RedirectAttributes redirect,
                   HttpServletResponse response) {
        form.use(ComposerMode.CONTACT);
        if (form.getChannel() != Channel.PHONE && form.getChannel() != Channel.VISIT) {
            errors.rejectValue("channel", "composer.error.channel");
        }
        if (form.getDirection() == null) {
            errors.rejectValue("direction", "composer.error.direction");
        }
        return write(id, form, errors, agent, model, redirect, response, w -> "ticket.flash.contactLogged",
                () -> tickets.logContact(id, form.getChannel(), form.getDirection(), form.getBody(), form.getSubmissionKey(), agent));
    }

    private String write(long id, ComposerForm form, BindingResult errors, AgentPrincipal agent, Model model,
                         RedirectAttributes redirect, HttpServletResponse response, Function<Written, String> flash,
                         Supplier<Written> action) {
        requireBody(form.getBody(), errors);
        HttpStatus status = HttpStatus.BAD_REQUEST;
        if (!errors.hasErrors()) {
            try {
                Written written = action.get();
                redirect.addFlashAttribute("flash", written.duplicate() ? "ticket.flash.alreadySaved" : flash.apply(written));
                return "redirect:/tickets/" + id;
            } catch (InvalidInput e) {
                if ("resolutionReason".equals(e.field())) {
                    errors.rejectValue("resolutionReason", "properties.error.reasonTooLong");
                    model.addAttribute("reasonNeeded", List.of());
                } else {
                    errors.rejectValue("body", "composer.error.body");
                }
            } catch (ResolvedMeanwhile e) {
                // a colleague resolved (or closed) the ticket while the agent wrote: say who, and when
                Object who = e.byName() != null ? e.byName() : new DefaultMessageSourceResolvable("composer.error.someone");
                String when = e.at() != null ? time.text(e.at()) : "";
                errors.reject("composer.error." + (e.from() == TicketStatus.CLOSED ? "closedMeanwhile" : "resolvedMeanwhile"),
                        new Object[]{who, when}, null);
                status = HttpStatus.CONFLICT;
            } catch (ResolutionReasonRequired e) {
                // a procedure's warn gate: the composer keeps the reply and asks why the ticket is resolved now
                errors.reject("properties.error.reasonNeeded", new Object[]{String.join(", ", e.missing())}, null);
                model.addAttribute("reasonNeeded", e.missing());
                status = HttpStatus.UNPROCESSABLE_CONTENT;
            } catch (ResolutionRefused e) {
                // a procedure's required steps are open: the reply is not saved, the composer keeps it
                errors.reject("properties.error.gate", new Object[]{String.join(", ", e.missing())}, null);
                status = HttpStatus.CONFLICT;
            } catch (IllegalTransition e) {
                errors.reject("composer.error.transition", new Object[]{new DefaultMessageSourceResolvable("status." + e.from().name()),
                        new DefaultMessageSourceResolvable("status." + e.to().name())}, null);
                status = HttpStatus.CONFLICT;
            }
        }
        response.setStatus(status.value());
        page.fill(model, id, agent);
        return TicketPageModel.VIEW;
    }

    static void requireBody(String body, BindingResult errors) {
        if (body == null || body.isBlank()) {
            errors.rejectValue("body", "composer.error.bodyEmpty");
        } else if (body.length() > Tickets.MAX_BODY) {
            errors.rejectValue("body", "composer.error.bodyTooLong", new Object[]{Tickets.MAX_BODY, body.length()}, null);
        }
    }
}
