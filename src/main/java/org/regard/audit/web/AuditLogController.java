package org.regard.audit.web;

import jakarta.servlet.http.HttpServletResponse;
import org.regard.audit.AuditAction;
import org.regard.audit.AuditEntry;
import org.regard.audit.AuditFilter;
import org.regard.audit.AuditLog;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The audit log for administrators: newest first, 50 entries a page (keyset on the id), filtered by action, by the
 * agent who acted and by days (in the server's time zone, as every time the pages show), and the filtered range as a
 * CSV download. Only admins reach {@code /admin/**} (the web security chain); nothing here changes an entry.
 */
@Controller
class AuditLogController {
    static final int PAGE = 50;
    private static final int EXPORT_BATCH = 500;

    private final AuditLog audit;
    private final MessageSource messages;
    private final Clock clock;
    private final ZoneId zone = ZoneId.systemDefault();

    AuditLogController(AuditLog audit, MessageSource messages, Clock clock) {
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/admin/audit")
    String page(@RequestParam(required = false) AuditAction action, @RequestParam(required = false) Long actor,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(required = false) Long before, Model model) {
        List<AuditEntry> entries = audit.newest(filter(action, actor, from, to), before, PAGE + 1);
        boolean more = entries.size() > PAGE;
        List<AuditEntry> page = more ? entries.subList(0, PAGE) : entries;
        model.addAttribute("entries", page);
        model.addAttribute("olderThan", more ? page.getLast().id() : null);
        model.addAttribute("paged", before != null);
        model.addAttribute("actions", labels());
        model.addAttribute("action", action);
        model.addAttribute("actor", actor);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        return "admin/audit";
    }

    /** The filtered entries, every page of them, newest first, streamed as they are read. */
    @GetMapping(path = "/admin/audit/export", produces = "text/csv")
    void export(@RequestParam(required = false) AuditAction action, @RequestParam(required = false) Long actor,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                HttpServletResponse response) throws IOException {
        AuditFilter filter = filter(action, actor, from, to);
        Map<AuditAction, String> labels = labels();
        response.setContentType("text/csv; charset=UTF-8; header=present");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Content-Disposition", "attachment; filename=\"regard-audit-"
                + LocalDate.now(clock.withZone(zone)) + ".csv\"");
        response.setHeader("Cache-Control", "no-store");
        Writer out = response.getWriter();
        AuditCsv.row(out, List.of("time", "action", "action_label", "actor", "actor_id", "target_type", "target_id",
                "details", "client_address"));
        Long before = null;
        List<AuditEntry> batch;
        do {
            batch = audit.newest(filter, before, EXPORT_BATCH);
            for (AuditEntry e : batch) {
                AuditCsv.row(out, Arrays.asList(DateTimeFormatter.ISO_INSTANT.format(e.at()), e.action().name(),
                        labels.get(e.action()), e.actor(), e.actorId() == null ? null : e.actorId().toString(),
                        e.targetType(), e.targetId(), e.details(), e.clientAddress()));
            }
            before = batch.isEmpty() ? null : batch.getLast().id();
        } while (batch.size() == EXPORT_BATCH);
        out.flush();
    }

    private AuditFilter filter(AuditAction action, Long actor, LocalDate from, LocalDate to) {
        return new AuditFilter(action, actor, from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant());
    }

    /** Every action with its label in the page's language, in the enum's order. */
    private Map<AuditAction, String> labels() {
        Locale locale = LocaleContextHolder.getLocale();
        Map<AuditAction, String> labels = new LinkedHashMap<>();
        for (AuditAction a : AuditAction.values()) {
            labels.put(a, messages.getMessage("audit.action." + a.name(), null, a.name(), locale));
        }
        return labels;
    }
}
