package org.regard.demo;

import org.regard.accounts.TeamAdministration;
import org.regard.customers.TierNames;
import org.regard.tickets.Categories;

import java.util.Map;

/**
 * The demo desk's teams, categories and tiers named in every page language, so a visitor who switches the page
 * language sees them follow (the base names are English).
 */
final class DemoNames {
    static final Map<String, Map<String, String>> TEAMS = Map.of(
            DemoCast.SUPPORT, Map.of("fr", "Assistance", "de", "Kundendienst", "vi", "Hỗ trợ"),
            DemoCast.BILLING, Map.of("fr", "Facturation", "de", "Buchhaltung", "vi", "Thanh toán"),
            DemoCast.TECHNICAL, Map.of("fr", "Technique", "de", "Technik", "vi", "Kỹ thuật"),
            DemoCast.HANOI, Map.of("fr", "Bureau de Hà Nội", "de", "Büro Hà Nội", "vi", "Văn phòng Hà Nội"));

    static final Map<DemoCast.Topic, Map<String, String>> CATEGORIES = Map.of(
            DemoCast.Topic.INVOICES, Map.of("fr", "Factures et paiements", "de", "Rechnungen und Zahlungen", "vi", "Hóa đơn và thanh toán"),
            DemoCast.Topic.SIGN_IN, Map.of("fr", "Connexion et comptes", "de", "Anmeldung und Konten", "vi", "Đăng nhập và tài khoản"),
            DemoCast.Topic.DELIVERY, Map.of("fr", "Commandes et livraison", "de", "Bestellungen und Lieferung", "vi", "Đơn hàng và giao hàng"),
            DemoCast.Topic.HARDWARE, Map.of("fr", "Pannes matérielles", "de", "Hardwarefehler", "vi", "Lỗi phần cứng"),
            DemoCast.Topic.HOW_TO, Map.of("fr", "Questions et mode d'emploi", "de", "Fragen und Anleitungen", "vi", "Câu hỏi và hướng dẫn"));

    static final Map<String, Map<String, String>> TIERS = Map.of(
            "standard", Map.of("en", "Standard", "fr", "Standard", "de", "Standard", "vi", "Tiêu chuẩn"),
            "priority", Map.of("en", "Priority", "fr", "Prioritaire", "de", "Vorrang", "vi", "Ưu tiên"),
            "key-account", Map.of("en", "Key account", "fr", "Grand compte", "de", "Großkunde", "vi", "Khách hàng lớn"));

    /** The teams' time zones: the desk works from France and Germany, the Hà Nội office from Vietnam. */
    static final Map<String, String> ZONES = Map.of(DemoCast.SUPPORT, "Europe/Paris", DemoCast.BILLING, "Europe/Paris",
            DemoCast.TECHNICAL, "Europe/Berlin", DemoCast.HANOI, "Asia/Ho_Chi_Minh");

    private final TeamAdministration teamAdministration;
    private final Categories categories;
    private final TierNames tierNames;

    DemoNames(TeamAdministration teamAdministration, Categories categories, TierNames tierNames) {
        this.teamAdministration = teamAdministration;
        this.categories = categories;
        this.tierNames = tierNames;
    }

    /** Names the demo's teams (and gives them their time zones) and categories, and the configured tiers the demo knows, in fr, de and vi. */
    void name(Map<String, Long> teamIds, Map<DemoCast.Topic, Long> categoryIds) {
        teamIds.forEach((name, id) -> {
            if (TEAMS.containsKey(name)) {
                teamAdministration.change(id, null, TEAMS.get(name), null, ZONES.get(name));
            }
        });
        categoryIds.forEach((topic, id) -> categories.rename(id, null, CATEGORIES.get(topic)));
        tierNames.all().stream().filter(t -> TIERS.containsKey(t.key()) && t.names().byLanguage().isEmpty())
                .forEach(t -> tierNames.rename(t.key(), TIERS.get(t.key())));
    }
}
