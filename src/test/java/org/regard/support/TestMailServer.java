package org.regard.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.regard.mail.mailboxes.Mailbox.Security;
import org.regard.mail.mailboxes.Mailboxes;

/**
 * One real IMAP and SMTP server (GreenMail, in-process, loopback only) for the whole test JVM. Every test makes its
 * own addresses ({@link TestData#unique}) so tests never read each other's mail. GreenMail accepts SMTP mail for any
 * address and files it into that address's IMAP INBOX, creating the user on first delivery.
 */
public final class TestMailServer {
    private static GreenMail server;

    private TestMailServer() {
    }

    public static synchronized GreenMail get() {
        if (server == null) {
            ServerSetup smtp = new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
            ServerSetup imap = new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP);
            server = new GreenMail(new ServerSetup[]{smtp.dynamicPort(), imap.dynamicPort()});
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        }
        return server;
    }

    public static int smtpPort() {
        return get().getSmtp().getPort();
    }

    public static int imapPort() {
        return get().getImap().getPort();
    }

    /** Creates (or finds) the IMAP user for this address, with the address as login and the given password. */
    public static void user(String address, String password) {
        if (get().getUserManager().getUserByEmail(address) == null) {
            get().setUser(address, address, password);
        }
    }

    /** IMAP settings of this server for a mailbox form. */
    public static Mailboxes.ServerForm imap(String login, String password) {
        return new Mailboxes.ServerForm("127.0.0.1", imapPort(), Security.NONE, login, password, "INBOX");
    }

    /** SMTP settings of this server for a mailbox form. */
    public static Mailboxes.ServerForm smtp(String login, String password) {
        return new Mailboxes.ServerForm("127.0.0.1", smtpPort(), Security.NONE, login, password, null);
    }
}
