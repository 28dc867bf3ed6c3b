package org.regard.demo;

import org.regard.accounts.Actor;
import org.regard.accounts.AgentPrincipal;
import org.regard.customers.PreferenceType;
import org.regard.customers.Preferences;
import org.regard.customers.Promises;
import org.regard.demo.DemoPlan.TicketStory;
import org.regard.tickets.ReplyTemplates;
import org.regard.tickets.TicketStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the demo shows beyond the tickets, so that every feature the README describes can be seen: reply templates with
 * a variant per language, the team's preference fields with values on a few customers, and open promises (one of them
 * overdue, so it stands in the inbox of the agent who made it).
 */
final class DemoExtras {
    private final ReplyTemplates templates;
    private final Preferences preferences;
    private final Promises promises;
    private final DemoClock clock;

    DemoExtras(ReplyTemplates templates, Preferences preferences, Promises promises, DemoClock clock) {
        this.templates = templates;
        this.preferences = preferences;
        this.promises = promises;
        this.clock = clock;
    }

    /** The templates an administrator would write first, each in the desk's four languages. */
    void templates(Map<DemoCast.Topic, Long> categories, AgentPrincipal admin, Instant at) {
        if (templates.all().stream().anyMatch(t -> t.name().equals("Refund on its way"))) {
            return; // a desk that has them already (the demo loaded before under another domain)
        }
        clock.at(at, () -> {
            templates.create(new ReplyTemplates.TemplateChanges("Refund on its way", categories.get(DemoCast.Topic.INVOICES), "en",
                    variants(
                            "Dear {{customer.preferredName}},\n\nThe refund for your order has been sent today; your bank shows it within three working days. Your reference is ticket {{ticket.id}}.\n\nKind regards,\n{{agent.name}}",
                            "Bonjour {{customer.preferredName}},\n\nLe remboursement de votre commande est parti aujourd'hui ; votre banque l'affichera sous trois jours ouvrés. Votre référence est le ticket {{ticket.id}}.\n\nBien cordialement,\n{{agent.name}}",
                            "Guten Tag {{customer.preferredName}},\n\ndie Erstattung für Ihre Bestellung wurde heute veranlasst; Ihre Bank zeigt sie innerhalb von drei Werktagen an. Ihre Referenz ist Ticket {{ticket.id}}.\n\nMit freundlichen Grüßen\n{{agent.name}}",
                            "Kính gửi {{customer.preferredName}},\n\nKhoản hoàn tiền cho đơn hàng của quý khách đã được chuyển hôm nay; ngân hàng sẽ hiển thị trong vòng ba ngày làm việc. Mã tham chiếu là phiếu {{ticket.id}}.\n\nTrân trọng,\n{{agent.name}}")), admin);
            templates.create(new ReplyTemplates.TemplateChanges("Delivery delayed", categories.get(DemoCast.Topic.DELIVERY), "en",
                    variants(
                            "Dear {{customer.preferredName}},\n\nYour parcel is delayed at the carrier's depot. We are following it and will write to you as soon as it moves again, at the latest on Friday.\n\n{{agent.name}}",
                            "Bonjour {{customer.preferredName}},\n\nVotre colis est retenu au dépôt du transporteur. Nous le suivons et vous écrirons dès qu'il repartira, au plus tard vendredi.\n\n{{agent.name}}",
                            "Guten Tag {{customer.preferredName}},\n\nIhr Paket liegt noch im Depot des Zustellers. Wir verfolgen es und schreiben Ihnen, sobald es weiterfährt, spätestens am Freitag.\n\n{{agent.name}}",
                            "Kính gửi {{customer.preferredName}},\n\nBưu kiện của quý khách đang bị chậm tại kho của đơn vị vận chuyển. Chúng tôi đang theo dõi và sẽ báo ngay khi hàng được chuyển tiếp, muộn nhất là thứ Sáu.\n\n{{agent.name}}")), admin);
            // written in French first; the Vietnamese variant is still to be written, so the composer says it falls back
            templates.create(new ReplyTemplates.TemplateChanges("Password reset", categories.get(DemoCast.Topic.SIGN_IN), "fr",
                    variants(
                            "Hello {{customer.preferredName}},\n\nOn the sign-in page, choose \"Forgot your password?\" and follow the link we email you; it is valid for one hour.\n\n{{agent.name}}",
                            "Bonjour {{customer.preferredName}},\n\nSur la page de connexion, choisissez « Mot de passe oublié ? » et suivez le lien que nous vous envoyons ; il reste valable une heure.\n\n{{agent.name}}",
                            "Guten Tag {{customer.preferredName}},\n\nwählen Sie auf der Anmeldeseite „Passwort vergessen?“ und folgen Sie dem Link, den wir Ihnen senden; er gilt eine Stunde.\n\n{{agent.name}}",
                            null)), admin);
            return null;
        });
    }

    /**
     * Fields the team keeps about people, each labelled in the desk's four languages (one a choice of three call
     * slots), and what a few customers told the team.
     */
    void preferenceFields(List<Long> customerIds, Instant at) {
        clock.at(at, () -> {
            define("contact-hours", "Best time to call", PreferenceType.TEXT,
                    labels("Meilleur moment pour appeler", "Beste Zeit für einen Anruf", "Thời điểm gọi tốt nhất"), null);
            define("paper-invoices", "Invoices by post", PreferenceType.YES_NO,
                    labels("Factures par courrier", "Rechnungen per Post", "Hóa đơn qua bưu điện"), null);
            define("contract-renewal", "Contract renewal", PreferenceType.DATE,
                    labels("Renouvellement du contrat", "Vertragsverlängerung", "Gia hạn hợp đồng"), null);
            define("devices", "Devices on contract", PreferenceType.NUMBER,
                    labels("Appareils sous contrat", "Geräte im Vertrag", "Thiết bị theo hợp đồng"), null);
            define("call-slot", "Preferred call slot", PreferenceType.CHOICE,
                    labels("Créneau d’appel préféré", "Bevorzugtes Anrufzeitfenster", "Khung giờ gọi ưa thích"),
                    List.of("morning", "afternoon", "evening"));
            List<Map<String, Object>> values = List.of(
                    Map.of("contact-hours", "mornings, before 11:00", "paper-invoices", true),
                    Map.of("contact-hours", "after 17:00 only", "devices", 12),
                    Map.of("paper-invoices", false, "contract-renewal", "2027-03-31", "devices", 40),
                    Map.of("contact-hours", "not on Wednesdays"),
                    Map.of("paper-invoices", true, "contract-renewal", "2027-01-15"));
            for (int i = 0; i < values.size() && i * 7 < customerIds.size(); i++) {
                preferences.change(customerIds.get(i * 7), values.get(i));
            }
            List<String> slots = List.of("morning", "evening", "afternoon", "morning");
            for (int i = 0; i < slots.size() && i * 7 + 3 < customerIds.size(); i++) {
                preferences.change(customerIds.get(i * 7 + 3), Map.of("call-slot", slots.get(i)));
            }
            return null;
        });
    }

    /**
     * Promises on tickets still open: one came due yesterday and was not kept yet (it stands in the inbox as overdue),
     * the others fall due in the coming days.
     */
    void promises(List<TicketStory> stories, List<Long> ticketIds, List<Long> customerIds, Map<String, Long> teams,
                  List<AgentPrincipal> agents, Instant now) {
        List<Integer> open = new ArrayList<>();
        for (int i = stories.size() - 1; i >= 0 && open.size() < 3; i--) {
            if (stories.get(i).outcome() != TicketStatus.CLOSED && stories.get(i).outcome() != TicketStatus.RESOLVED) {
                open.add(i);
            }
        }
        String[] bodies = {"Call back to confirm the replacement was delivered",
                "Send the corrected invoice by email", "Check with the carrier and write again"};
        Duration[] due = {Duration.ofDays(-1), Duration.ofDays(1), Duration.ofDays(3)};
        for (int n = 0; n < open.size(); n++) {
            TicketStory story = stories.get(open.get(n));
            Promises.NewPromise promise = new Promises.NewPromise(bodies[n], now.plus(due[n]), ticketIds.get(open.get(n)),
                    agents.get(story.assignee()).id(), teams.get(story.team()));
            long customerId = customerIds.get(story.customer());
            // the demo writes as the system, as it opens its tickets; the promise is the assigned agent's
            clock.at(now.minus(Duration.ofDays(2)), () -> promises.promise(customerId, promise, Actor.SYSTEM));
        }
    }

    private void define(String key, String label, PreferenceType type, Map<String, String> labels, List<String> options) {
        if (preferences.fields().stream().noneMatch(f -> f.key().equals(key))) {
            preferences.define(key, label, type, labels, options);
        }
    }

    private static Map<String, String> labels(String fr, String de, String vi) {
        return Map.of("fr", fr, "de", de, "vi", vi);
    }

    private static Map<String, String> variants(String en, String fr, String de, String vi) {
        Map<String, String> variants = new LinkedHashMap<>();
        variants.put("en", en);
        variants.put("fr", fr);
        variants.put("de", de);
        if (vi != null) {
            variants.put("vi", vi);
        }
        return variants;
    }
}
