package org.regard.customers.web;

import org.regard.customers.Customers;
import org.regard.customers.Phone;
import org.regard.customers.PhoneKind;
import org.regard.customers.PreferredChannel;
import org.springframework.validation.Errors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** What the customer form sends: used to create a customer and to edit one against the version the editor saw. */
class CustomerForm {
    /** The languages offered by name; any other language is entered as a code. */
    static final List<String> LANGUAGES = List.of("en", "fr", "de", "vi");
    static final String OTHER_LANGUAGE = "other";
    private static final Pattern LANGUAGE_CODE = Pattern.compile("[a-z]{2,3}(-[a-z0-9]{2,8})*");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
    private static final Pattern EMAIL_SEPARATORS = Pattern.compile("[,;\\s]+");

    private String name = "";
    private String emails = "";
    private String language = "";
    private String otherLanguage = "";
    private String organization = "";
    private String tier = "";
    private String preferences = "";
    private String addressAs = "";
    private String timeZone = "";
    private String preferredChannel = "";
    private String note = "";
    private boolean pinNote;
    private int version;
    /** The numbers as typed, one row each; the form always offers at least one empty row to add one. */
    private List<PhoneRow> phones = new ArrayList<>();

    /** Most numbers a customer keeps; the form offers rows up to this many. */
    static final int MAX_PHONES = 10;

    /** One number of the form: as typed, and its kind (mobile, work, home, other). */
    public static class PhoneRow {
        private String number = "";
        private String kind = PhoneKind.MOBILE.value();

        PhoneRow() {
        }

        PhoneRow(String number, String kind) {
            this.number = number;
            this.kind = kind;
        }

        public String getNumber() {
            return number;
        }

        public void setNumber(String number) {
            this.number = number == null ? "" : number;
        }

        public String getKind() {
            return kind;
        }

        public void setKind(String kind) {
            this.kind = kind == null ? "" : kind;
        }
    }

    static CustomerForm of(Customers.CustomerView customer) {
        CustomerForm form = new CustomerForm();
        form.name = customer.name();
        form.emails = String.join("\n", customer.emails());
        String code = customer.language() == null ? "" : customer.language();
        if (code.isEmpty() || LANGUAGES.contains(code)) {
            form.language = code;
        } else {
            form.language = OTHER_LANGUAGE;
            form.otherLanguage = code;
        }
        form.organization = customer.organizationName() == null ? "" : customer.organizationName();
        form.tier = customer.tier();
        form.preferences = customer.preferences() == null ? "" : customer.preferences();
        Customers.PersonFacts facts = customer.facts();
        form.addressAs = facts.addressAs() == null ? "" : facts.addressAs();
        form.timeZone = facts.timeZone() == null ? "" : facts.timeZone();
        form.preferredChannel = facts.preferredChannel() == null ? "" : facts.preferredChannel().value();
        form.version = customer.version();
        customer.phones().forEach(p -> form.phones.add(new PhoneRow(p.number(), p.kind().value())));
        return form.withEmptyPhoneRow();
    }

    static CustomerForm blank(String defaultTier) {
        CustomerForm form = new CustomerForm();
        form.tier = defaultTier;
        return form.withEmptyPhoneRow();
    }

    /** The addresses as typed: one per line, or separated by commas, semicolons or spaces. */
    public List<String> emailList() {
        return Arrays.stream(EMAIL_SEPARATORS.split(emails.strip())).filter(s -> !s.isEmpty()).toList();
    }

    /** The form with one empty number row at the end (where there is room), to add a number. */
    CustomerForm withEmptyPhoneRow() {
        if (phones.size() < MAX_PHONES && phones.stream().noneMatch(row -> row.getNumber().isBlank())) {
            phones.add(new PhoneRow());
        }
        return this;
    }

    /** The numbers filled in, checked: call after {@link #validate}, which rejects what these could not hold. */
    public List<Phone> phoneList() {
        return phones.stream().filter(row -> !row.getNumber().isBlank())
                .map(row -> new Phone(row.getNumber(), PhoneKind.parse(row.getKind()).orElse(PhoneKind.OTHER))).toList();
    }

    /** The language code to store, or an empty string when the language is not known. */
    public String languageCode() {
        return OTHER_LANGUAGE.equals(language) ? otherLanguage.strip().toLowerCase(Locale.ROOT) : language;
    }

    void validate(Errors errors, List<String> tiers, boolean withNote) {
        if (name.isBlank()) {
            errors.rejectValue("name", "customers.error.name.required");
        } else if (name.strip().length() > 200) {
            errors.rejectValue("name", "customers.error.tooLong", new Object[]{200}, null);
        }
        emailList().stream().filter(e -> e.length() > 254 || !EMAIL.matcher(e).matches()).findFirst()
                .ifPresent(bad -> errors.rejectValue("emails", "customers.error.emails.invalid", new Object[]{bad}, null));
        validatePhones(errors);
        if (OTHER_LANGUAGE.equals(language)) {
            String code = languageCode();
            if (code.length() > 10 || !LANGUAGE_CODE.matcher(code).matches()) {
                errors.rejectValue("otherLanguage", "customers.error.language.code");
            }
        } else if (!language.isEmpty() && !LANGUAGES.contains(language)) {
            errors.rejectValue("language", "customers.error.language.unknown");
        }
        if (organization.strip().length() > 200) {
            errors.rejectValue("organization", "customers.error.tooLong", new Object[]{200}, null);
        }
        if (!tiers.contains(tier)) {
            errors.rejectValue("tier", "customers.error.tier.unknown");
        }
        if (preferences.strip().length() > 4000) {
            errors.rejectValue("preferences", "customers.error.tooLong", new Object[]{4000}, null);
        }
        if (addressAs.strip().length() > 200) {
            errors.rejectValue("addressAs", "customers.error.tooLong", new Object[]{200}, null);
        }
        if (!timeZone.isBlank() && !Customers.isTimeZone(timeZone)) {
            errors.rejectValue("timeZone", "customers.error.timeZone", new Object[]{timeZone.strip()}, null);
        }
        if (!preferredChannel.isBlank() && PreferredChannel.parse(preferredChannel).isEmpty()) {
            errors.rejectValue("preferredChannel", "customers.error.channel");
        }
        if (withNote && note.strip().length() > CustomerNoteController.MAX_NOTE_LENGTH) {
            errors.rejectValue("note", "customers.error.tooLong", new Object[]{CustomerNoteController.MAX_NOTE_LENGTH}, null);
        }
    }

    private void validatePhones(Errors errors) {
        if (phones.size() > MAX_PHONES) {
            phones = new ArrayList<>(phones.subList(0, MAX_PHONES));
        }
        for (int i = 0; i < phones.size(); i++) {
            PhoneRow row = phones.get(i);
            if (row.getNumber().isBlank()) {
                continue;
            }
            if (PhoneKind.parse(row.getKind()).isEmpty()) {
                errors.rejectValue("phones[" + i + "].kind", "customers.error.phone.kind");
            }
            try {
                new Phone(row.getNumber(), PhoneKind.OTHER);
            } catch (Phone.InvalidPhone invalid) {
                errors.rejectValue("phones[" + i + "].number", "customers.error.phone.invalid",
                        new Object[]{row.getNumber().strip(), Phone.MIN_DIGITS, Phone.MAX_DIGITS}, null);
            }
        }
    }

    Customers.NewCustomer toNewCustomer() {
        return new Customers.NewCustomer(name.strip(), emailList(), languageCode(), organization.strip(), tier,
                preferences, facts(), phoneList());
    }

    Customers.CustomerChanges toChanges() {
        return new Customers.CustomerChanges(name.strip(), emailList(), languageCode(), organization.strip(), tier,
                preferences, version, facts(), phoneList());
    }

    private Customers.PersonFacts facts() {
        return new Customers.PersonFacts(addressAs.strip(), timeZone.strip(), PreferredChannel.parse(preferredChannel).orElse(null));
    }

    public String getAddressAs() {
        return addressAs;
    }

    public void setAddressAs(String addressAs) {
        this.addressAs = addressAs == null ? "" : addressAs;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone == null ? "" : timeZone;
    }

    public String getPreferredChannel() {
        return preferredChannel;
    }

    public void setPreferredChannel(String preferredChannel) {
        this.preferredChannel = preferredChannel == null ? "" : preferredChannel.strip();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name == null ? "" : name;
    }

    public List<PhoneRow> getPhones() {
        return phones;
    }

    public void setPhones(List<PhoneRow> phones) {
        this.phones = phones == null ? new ArrayList<>() : new ArrayList<>(phones);
    }

    /** The kinds a number may be, for the form's choice. */
    public List<String> getPhoneKinds() {
        return Arrays.stream(PhoneKind.values()).map(PhoneKind::value).toList();
    }

    public String getEmails() {
        return emails;
    }

    public void setEmails(String emails) {
        this.emails = emails == null ? "" : emails;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language == null ? "" : language.strip();
    }

    public String getOtherLanguage() {
        return otherLanguage;
    }

    public void setOtherLanguage(String otherLanguage) {
        this.otherLanguage = otherLanguage == null ? "" : otherLanguage;
    }

    public String getOrganization() {
        return organization;
    }

    public void setOrganization(String organization) {
        this.organization = organization == null ? "" : organization;
    }

    public String getTier() {
        return tier;
    }

    public void setTier(String tier) {
        this.tier = tier == null ? "" : tier;
    }

    public String getPreferences() {
        return preferences;
    }

    public void setPreferences(String preferences) {
        this.preferences = preferences == null ? "" : preferences;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note == null ? "" : note;
    }

    public boolean isPinNote() {
        return pinNote;
    }

    public void setPinNote(boolean pinNote) {
        this.pinNote = pinNote;
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int version) {
        this.version = version;
    }
}
