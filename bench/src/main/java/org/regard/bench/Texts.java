package org.regard.bench;

import java.util.SplittableRandom;

/** Synthetic subjects and message bodies of realistic length (a few sentences). */
final class Texts {
    private static final String[] SUBJECTS = {
            "Invoice charged twice", "Cannot sign in since this morning", "Order has not arrived", "Card reader keeps restarting",
            "How do I add a colleague?", "Wrong price on my last invoice", "Parcel arrived damaged", "Printer reports a paper jam",
            "Need a VAT invoice", "Refund still missing", "Password reset mail never arrives", "Delivery to the wrong address",
            "Facture prélevée deux fois", "Commande toujours pas livrée", "Rechnung doppelt abgebucht", "Kasse startet nicht mehr",
            "Hóa đơn bị trừ tiền hai lần", "Không đăng nhập được", "Máy in hóa đơn không in được", "Đơn hàng giao chậm"};
    private static final String[] CUSTOMER = {
            "Since yesterday the problem happens every few minutes.", "I have tried restarting it twice already.",
            "Could you please check what went wrong?", "This is the second time this month.",
            "We need this fixed before the weekend.", "The reference is on the attached screenshot.",
            "Nobody answered when I called the hotline.", "Thanks in advance for your help."};
    private static final String[] REPLY = {
            "Thank you for your message.", "We have looked into this and found the cause.",
            "Could you send us the serial number shown under the device?", "The refund was issued today.",
            "A replacement is on its way and should arrive within two days.", "Please try again and let us know if it works.",
            "Sorry for the trouble this caused.", "We have updated your account accordingly."};
    private static final String[] NOTE = {
            "Checked with the payment provider: duplicate confirmed.", "Known issue with firmware 4.2.1.",
            "Customer prefers a call in the afternoon.", "Escalated to the technical team."};
    private static final String[] PREFERENCES = {
            "Prefers phone calls in the afternoon.", "Email only, please.", "Speaks English and French.", "Call the office, not the mobile."};

    /** The write benchmarks' texts, the same for the application and its JDBC ceiling (plain ASCII, safe in JSON). */
    static final String SUBJECT = "Card reader keeps restarting";

    private Texts() {
    }

    /** The first message of the n-th ticket a write benchmark opens. */
    static String createBody(int n) {
        return "Since this morning the card reader restarts every few minutes. We tried unplugging it twice. Order ORD-" + (480000 + n) + ".";
    }

    /** The n-th reply a write benchmark sends. */
    static String replyBody(int n) {
        return "Hello, thank you for your message. Could you send us the serial number shown under the device? Reference R-" + n + ".";
    }

    static String subject(SplittableRandom random) {
        return SUBJECTS[random.nextInt(SUBJECTS.length)];
    }

    static String preference(SplittableRandom random) {
        return PREFERENCES[random.nextInt(PREFERENCES.length)];
    }

    static String body(String kind, SplittableRandom random) {
        String[] pool = switch (kind) {
            case "CUSTOMER" -> CUSTOMER;
            case "NOTE", "CONTACT" -> NOTE;
            default -> REPLY;
        };
        int sentences = 1 + random.nextInt(kind.equals("NOTE") ? 1 : 4);
        StringBuilder b = new StringBuilder(kind.equals("REPLY") ? "Hello,\n" : "");
        for (int i = 0; i < sentences; i++) {
            b.append(i == 0 ? "" : " ").append(pool[random.nextInt(pool.length)]);
        }
        return b.toString();
    }
}
