package org.regard.mail.web;

import org.regard.mail.mailboxes.Mailbox;
import org.regard.mail.mailboxes.Mailboxes;
import org.springframework.validation.Errors;

import java.util.Locale;

/**
 * The mailbox form as the browser sends it: ports as text (so that "abc" is an error on the field, not a failed
 * request), security as {@code none | starttls | tls}. Passwords come in but are never sent back.
 */
class MailboxFormData {
    private String address = "";
    private String displayName = "";
    private Long teamId;
    private String imapHost = "";
    private String imapPort = "";
    private String imapSecurity = "tls";
    private String imapUsername = "";
    private String imapPassword = "";
    private String imapFolder = "INBOX";
    private String smtpHost = "";
    private String smtpPort = "";
    private String smtpSecurity = "tls";
    private String smtpUsername = "";
    private String smtpPassword = "";
    private String closedReply = Mailbox.ClosedReply.REOPEN.name();
    private boolean acknowledge;
    private Integer version;
    private String formKey = "";

    static MailboxFormData of(Mailbox m) {
        MailboxFormData f = new MailboxFormData();
        f.address = m.address();
        f.displayName = m.displayName();
        f.teamId = m.teamId();
        if (m.imap() != null) {
            f.imapHost = m.imap().host();
            f.imapPort = String.valueOf(m.imap().port());
            f.imapSecurity = m.imap().security().name().toLowerCase(Locale.ROOT);
            f.imapUsername = m.imap().username() == null ? "" : m.imap().username();
            f.imapFolder = m.imap().folder() == null ? "INBOX" : m.imap().folder();
        }
        if (m.smtp() != null) {
            f.smtpHost = m.smtp().host();
            f.smtpPort = String.valueOf(m.smtp().port());
            f.smtpSecurity = m.smtp().security().name().toLowerCase(Locale.ROOT);
            f.smtpUsername = m.smtp().username() == null ? "" : m.smtp().username();
        }
        f.closedReply = m.closedReply().name();
        f.acknowledge = m.acknowledge();
        f.version = m.version();
        return f;
    }

    /** The values for {@link Mailboxes}; fields that cannot even be read (a port that is not a number) go to {@code errors}. */
    Mailboxes.MailboxForm toForm(boolean active, Errors errors) {
        Mailbox.ClosedReply closed;
        try {
            closed = Mailbox.ClosedReply.valueOf(closedReply);
        } catch (IllegalArgumentException | NullPointerException e) {
            closed = Mailbox.ClosedReply.REOPEN;
        }
        return new Mailboxes.MailboxForm(address, displayName, teamId == null ? -1 : teamId,
                imap(errors), smtp(errors), closed, acknowledge, active);
    }

    Mailboxes.ServerForm imap(Errors errors) {
        return new Mailboxes.ServerForm(imapHost, port(imapPort, "imapPort", errors), security(imapSecurity, "imapSecurity", errors),
                imapUsername, imapPassword, imapFolder);
    }

    Mailboxes.ServerForm smtp(Errors errors) {
        return new Mailboxes.ServerForm(smtpHost, port(smtpPort, "smtpPort", errors), security(smtpSecurity, "smtpSecurity", errors),
                smtpUsername, smtpPassword, null);
    }

    /** Forgets the passwords typed, so that a page shown again never carries them. */
    void forgetPasswords() {
        imapPassword = "";
        smtpPassword = "";
    }

    private static Integer port(String text, String field, Errors errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            if (errors.getFieldErrorCount(field) == 0) {
                errors.rejectValue(field, "mailboxes.error.port.number");
            }
            return null;
        }
    }

    private static Mailbox.Security security(String text, String field, Errors errors) {
        try {
            return Mailbox.Security.parse(text);
        } catch (IllegalArgumentException e) {
            if (errors.getFieldErrorCount(field) == 0) {
                errors.rejectValue(field, "mailboxes.error.security");
            }
            return Mailbox.Security.TLS;
        }
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address == null ? "" : address;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName == null ? "" : displayName;
    }

    public Long getTeamId() {
        return teamId;
    }

    public void setTeamId(Long teamId) {
        this.teamId = teamId;
    }

    public String getImapHost() {
        return imapHost;
    }

    public void setImapHost(String imapHost) {
        this.imapHost = imapHost == null ? "" : imapHost;
    }

    public String getImapPort() {
        return imapPort;
    }

    public void setImapPort(String imapPort) {
        this.imapPort = imapPort == null ? "" : imapPort;
    }

    public String getImapSecurity() {
        return imapSecurity;
    }

    public void setImapSecurity(String imapSecurity) {
        this.imapSecurity = imapSecurity;
    }

    public String getImapUsername() {
        return imapUsername;
    }

    public void setImapUsername(String imapUsername) {
        this.imapUsername = imapUsername == null ? "" : imapUsername;
    }

    public String getImapPassword() {
        return imapPassword;
    }

    public void setImapPassword(String imapPassword) {
        this.imapPassword = imapPassword == null ? "" : imapPassword;
    }

    public String getImapFolder() {
        return imapFolder;
    }

    public void setImapFolder(String imapFolder) {
        this.imapFolder = imapFolder == null ? "" : imapFolder;
    }

    public String getSmtpHost() {
        return smtpHost;
    }

    public void setSmtpHost(String smtpHost) {
        this.smtpHost = smtpHost == null ? "" : smtpHost;
    }

    public String getSmtpPort() {
        return smtpPort;
    }

    public void setSmtpPort(String smtpPort) {
        this.smtpPort = smtpPort == null ? "" : smtpPort;
    }

    public String getSmtpSecurity() {
        return smtpSecurity;
    }

    public void setSmtpSecurity(String smtpSecurity) {
        this.smtpSecurity = smtpSecurity;
    }

    public String getSmtpUsername() {
        return smtpUsername;
    }

    public void setSmtpUsername(String smtpUsername) {
        this.smtpUsername = smtpUsername == null ? "" : smtpUsername;
    }

    public String getSmtpPassword() {
        return smtpPassword;
    }

    public void setSmtpPassword(String smtpPassword) {
        this.smtpPassword = smtpPassword == null ? "" : smtpPassword;
    }

    public String getClosedReply() {
        return closedReply;
    }

    public void setClosedReply(String closedReply) {
        this.closedReply = closedReply;
    }

    public boolean isAcknowledge() {
        return acknowledge;
    }

    public void setAcknowledge(boolean acknowledge) {
        this.acknowledge = acknowledge;
    }

    public Integer getVersion() {
        return version;
    }

    public void setVersion(Integer version) {
        this.version = version;
    }

    public String getFormKey() {
        return formKey;
    }

    public void setFormKey(String formKey) {
        this.formKey = formKey == null ? "" : formKey;
    }
}
