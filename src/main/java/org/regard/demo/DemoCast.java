package org.regard.demo;

import org.regard.accounts.Role;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * The people of the demo desk: its teams, agents, categories, organizations and customers. Names are
 * written with their real diacritics; addresses are derived from them and always end in a reserved
 * example domain, so no demo address can ever reach a real mailbox.
 */
final class DemoCast {
    static final String SUPPORT = "Support";
    static final String BILLING = "Billing";
    static final String TECHNICAL = "Technical";
    static final String HANOI = "Hà Nội office";

    static final List<String> TEAMS = List.of(SUPPORT, BILLING, TECHNICAL, HANOI);

    private DemoCast() {
    }

    /** What a ticket is about; each topic is one category and is usually handled by one team. */
    enum Topic {
        INVOICES("Invoices and payments", BILLING),
        SIGN_IN("Sign-in and accounts", SUPPORT),
        DELIVERY("Orders and delivery", SUPPORT),
        HARDWARE("Hardware faults", TECHNICAL),
        HOW_TO("Questions and how-to", SUPPORT);

        final String category;
        final String team;

        Topic(String category, String team) {
            this.category = category;
            this.team = team;
        }
    }

    /** A demo agent; {@code localPart} plus the demo's agent domain is the sign-in address. */
    record AgentSpec(String localPart, String name, Role role, String locale, List<String> languages, List<String> teams) {

        boolean speaks(String language) {
            return languages.contains(language);
        }
    }

    record OrganizationSpec(String name, String tier, String domainLabel) {
    }

    /**
     * A demo customer. {@code organization} is an index into {@link #ORGANIZATIONS} or -1; {@code weight}
     * says how often they write compared with others.
     */
    record CustomerSpec(String name, String language, int organization, String tier, String preferences,
                        String pinnedNote, int weight) {
    }

    /** The first agent is created first: their unique address is what lets only one node load the demo. */
    static final List<AgentSpec> AGENTS = List.of(
            new AgentSpec("camille", "Camille Durand", Role.ADMIN, "fr", List.of("fr", "en"), List.of(SUPPORT, BILLING)),
            new AgentSpec("lukas", "Lukas Becker", Role.AGENT, "de", List.of("de", "en", "fr"), List.of(TECHNICAL)),
            new AgentSpec("huong", "Nguyễn Thị Hương", Role.AGENT, "vi", List.of("vi", "en"), List.of(HANOI, SUPPORT)),
            new AgentSpec("duc", "Trần Minh Đức", Role.AGENT, "vi", List.of("vi", "en"), List.of(HANOI, TECHNICAL)),
            new AgentSpec("sophie", "Sophie Lambert", Role.AGENT, "fr", List.of("fr"), List.of(BILLING)),
            new AgentSpec("jana", "Jana Hoffmann", Role.AGENT, "de", List.of("de", "en"), List.of(SUPPORT, BILLING)),
            new AgentSpec("oliver", "Oliver Grant", Role.AGENT, "en", List.of("en"), List.of(TECHNICAL, SUPPORT)),
            // no page language of her own: her pages follow the browser
            new AgentSpec("emma", "Emma Walsh", Role.AGENT, null, List.of("en", "fr"), List.of(SUPPORT)));

    static final List<OrganizationSpec> ORGANIZATIONS = List.of(
            new OrganizationSpec("Boulangerie Lefèvre", "priority", "boulangerie-lefevre"),
            new OrganizationSpec("Schäfer Logistik GmbH", "key-account", "schaefer-logistik"),
            new OrganizationSpec("Công ty TNHH Sen Vàng", "priority", "senvang"),
            new OrganizationSpec("Whitfield & Hughes Architects", "key-account", "whitfield-hughes"));

    static final List<CustomerSpec> CUSTOMERS = List.of(
            // Boulangerie Lefèvre
            new CustomerSpec("François Lefèvre", "fr", 0, "priority", "Préfère un appel avant 7 h, avant l'ouverture.",
                    "Seul signataire des factures de la boulangerie.", 4),
            new CustomerSpec("Hélène Lefèvre", "fr", 0, "standard", null, null, 2),
            new CustomerSpec("Mathéo Girard", "fr", 0, "standard", "Joignable seulement l'après-midi.", null, 1),
            // Schäfer Logistik GmbH
            new CustomerSpec("Jürgen Schäfer", "de", 1, "key-account", "Bitte schriftlich, Anrufe nur bei Ausfällen.",
                    "Key Account: Störungen der Kassen sofort an das Technik-Team geben.", 5),
            new CustomerSpec("Käthe Müller", "de", 1, "standard", null, null, 3),
            new CustomerSpec("Sören Weiß", "de", 1, "standard", "Arbeitet in der Nachtschicht, E-Mail bevorzugt.", null, 2),
            new CustomerSpec("Anja Köhler", "de", 1, "standard", null, "Buchhaltung: zuständig für alle Gutschriften.", 2),
            // Công ty TNHH Sen Vàng
            new CustomerSpec("Trần Thị Bích Ngọc", "vi", 2, "priority", "Ưu tiên liên hệ qua Zalo hoặc điện thoại buổi sáng.",
                    "Kế toán trưởng, người duy nhất được yêu cầu xuất hóa đơn VAT.", 4),
            new CustomerSpec("Lê Hoàng Phúc", "vi", 2, "standard", null, null, 2),
            new CustomerSpec("Đặng Quốc Bảo", "vi", 2, "standard", null, null, 2),
            // Whitfield & Hughes Architects
            new CustomerSpec("Thomas Whitfield", "en", 3, "key-account", "Copy his assistant on anything about invoices.",
                    "Key account: partner, decides on renewals.", 4),
            new CustomerSpec("George Hughes", "en", 3, "standard", null, null, 2),
            new CustomerSpec("Priya Raman", "en", 3, "standard", "Office manager; prefers a short phone call to long emails.",
                    null, 3),
            // French, on their own
            new CustomerSpec("Hélène Fournier", "fr", -1, "standard", null, null, 1),
            new CustomerSpec("Chloé Bérubé", "fr", -1, "standard", "Écrit depuis Montréal : tenir compte du décalage horaire.",
                    null, 2),
            new CustomerSpec("Noémie Caron", "fr", -1, "priority", null, null, 1),
            new CustomerSpec("Jérôme Dubois", "fr", -1, "standard", null, "A déjà reçu deux gestes commerciaux cette année.", 2),
            new CustomerSpec("Anaïs Mercier", "fr", -1, "standard", null, null, 1),
            new CustomerSpec("René Faure", "fr", -1, "standard", "Malentendant : écrire plutôt qu'appeler.",
                    "Ne pas appeler : répondre par écrit uniquement.", 1),
            new CustomerSpec("Gaëlle Perrin", "fr", -1, "standard", null, null, 1),
            new CustomerSpec("Benoît Roussel", "fr", -1, "key-account", null, "Compte clé : contrat annuel renouvelé en mars.", 3),
            new CustomerSpec("Zoé Lacroix", "fr", -1, "standard", null, null, 1),
            // German, on their own
            new CustomerSpec("Björn Krüger", "de", -1, "standard", null, null, 1),
            new CustomerSpec("Lena Groß", "de", -1, "priority", "Bevorzugt Rückrufe zwischen 12 und 13 Uhr.", null, 2),
            new CustomerSpec("Matthias Vogel", "de", -1, "standard", null, null, 1),
            new CustomerSpec("Günther Bäcker", "de", -1, "standard", null, "Hat zwei Filialen, immer nach dem Standort fragen.", 2),
            new CustomerSpec("Hannah Fischer", "de", -1, "standard", null, null, 1),
            new CustomerSpec("Tobias Wagner", "de", -1, "standard", null, null, 1),
            new CustomerSpec("Ursula Schröder", "de", -1, "standard", "Bitte siezen und förmlich schreiben.", null, 1),
            new CustomerSpec("Felix Neumann", "de", -1, "standard", null, null, 1),
            new CustomerSpec("Friederike Löwe", "de", -1, "priority", "Schreibt meist aus der Filiale in Köln.", null, 1),
            // Vietnamese, on their own
            new CustomerSpec("Nguyễn Văn An", "vi", -1, "standard", null, null, 2),
            new CustomerSpec("Phạm Thu Hà", "vi", -1, "priority", "Chỉ liên hệ qua email trong giờ hành chính.", null, 2),
            new CustomerSpec("Hoàng Đức Anh", "vi", -1, "standard", null, null, 1),
            new CustomerSpec("Võ Minh Thư", "vi", -1, "standard", null, "Cửa hàng ở Đà Nẵng, giao hàng mất thêm một ngày.", 1),
            new CustomerSpec("Bùi Thị Lan", "vi", -1, "standard", null, null, 1),
            new CustomerSpec("Đỗ Thanh Tùng", "vi", -1, "key-account", null, "Khách hàng lớn: chuỗi năm cửa hàng ở Hà Nội.", 3),
            new CustomerSpec("Huỳnh Gia Hân", "vi", -1, "standard", null, null, 1),
            new CustomerSpec("Vũ Khánh Linh", "vi", -1, "standard", "Thích được gọi lại sau 17 giờ.", null, 1),
            new CustomerSpec("Phan Văn Tài", "vi", -1, "standard", null, null, 1),
            // English, on their own
            new CustomerSpec("Margaret O'Neill", "en", -1, "standard", null, null, 1),
            new CustomerSpec("David Okafor", "en", -1, "priority", "Prefers email; travels a lot.", null, 2),
            new CustomerSpec("Grace Liu", "en", -1, "standard", null, null, 1),
            new CustomerSpec("Aidan Murphy", "en", -1, "standard", null, "Asked not to receive surveys.", 1),
            new CustomerSpec("Hannah Clarke", "en", -1, "standard", null, null, 1),
            new CustomerSpec("Samuel Reyes", "en", -1, "standard", "Spanish is fine too if someone speaks it.", null, 1),
            new CustomerSpec("Olivia Bennett", "en", -1, "key-account", null, "Key account: three shops, pays yearly.", 3),
            new CustomerSpec("Fiona MacLeod", "en", -1, "standard", null, null, 1),
            new CustomerSpec("Ryan Patel", "en", -1, "standard", null, null, 1),
            new CustomerSpec("Isabel Fontaine", "en", -1, "standard", "Bilingual (English and French).", null, 1));

    /** The local part of an address made from a person's name: "Nguyễn Văn An" becomes "nguyen.van.an". */
    static String localPart(String name) {
        String ascii = Normalizer.normalize(name.replace('đ', 'd').replace('Đ', 'D').replace("ß", "ss"), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 ]", "").strip().replaceAll("\\s+", ".");
    }
}
