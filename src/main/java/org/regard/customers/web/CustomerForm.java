package org.regard.customers.web;

import org.regard.customers.Customers;
import org.regard.customers.PreferredChannel;
import org.springframework.validation.Errors;

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
        return form;
    }

    static CustomerForm blank(String defaultTier) {
        CustomerForm form = new CustomerForm();
        form.tier = defaultTier;
        return form;
    }

    /** The addresses as typed: one per line, or separated by commas, semicolons or spaces. */
    public List<String> emailList() {
        return Arrays.stream(EMAIL_SEPARATORS.split(emails.strip())).filter(s -> !s.isEmpty()).toList();
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

    Customers.NewCustomer toNewCustomer() {
        return new Customers.NewCustomer(name.strip(), emailList(), languageCode(), organization.strip(), tier,
                preferences, facts());
    }

    Customers.CustomerChanges toChanges() {
        return new Customers.CustomerChanges(name.strip(), emailList(), languageCode(), organization.strip(), tier,
                preferences, version, facts());
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
