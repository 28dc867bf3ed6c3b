package org.regard.mail.mailboxes;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import org.regard.mail.mailboxes.Mailbox.Protocol;
import org.regard.mail.mailboxes.Mailbox.Security;
import org.regard.mail.mailboxes.Mailboxes.Connection;
import org.regard.mail.mailboxes.Mailboxes.ServerForm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Tests a mailbox's servers the way an admin would by hand, one step at a time, and stops at the first step that
 * fails, saying exactly what went wrong: the host name is looked up, a TCP connection is made, TLS is set up (from
 * the first byte, or by STARTTLS once the server offers it), the login is tried and, for IMAP, the folder is looked
 * for. It checks a saved mailbox or the values of a form not yet saved. No password ever appears in a result or
 * in the log.
 */
@Service
public class MailboxCheck {
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(MailboxCheck.class);

    private final Mailboxes mailboxes;
    private final MessageSource messages;

    MailboxCheck(Mailboxes mailboxes, MessageSource messages) {
        this.mailboxes = mailboxes;
        this.messages = messages;
    }

    /** The steps of a check, in the order they run. */
    public enum Step {
        DNS, CONNECT, TLS, STARTTLS, LOGIN, FOLDER
    }

    /**
     * How one step went: {@code code} is a key of the {@code mailboxes} bundle to show with {@code args};
     * {@code message} is the same in English, for the log and the mailbox's last error.
     */
    public record StepResult(Step step, boolean ok, String code, List<String> args, String message) {
    }

    /** The steps one server went through; the last one failed when the check did not pass. */
    public record Report(Protocol protocol, List<StepResult> steps) {

        public boolean ok() {
            return steps.stream().allMatch(StepResult::ok);
        }

        public Optional<StepResult> failure() {
            return steps.stream().filter(s -> !s.ok()).findFirst();
        }
    }

    /** Checks the saved settings of a mailbox (IMAP and SMTP, those it has) and records the outcome on it. */
    public List<Report> check(long mailboxId) {
        mailboxes.find(mailboxId).orElseThrow(() -> new NoSuchElementException("No mailbox " + mailboxId));
        List<Report> reports = new ArrayList<>();
        for (Protocol protocol : Protocol.values()) {
            mailboxes.connection(mailboxId, protocol).ifPresent(c -> reports.add(check(c, protocol)));
        }
        record(mailboxId, reports);
        return reports;
    }

    /**
     * Checks the values of a form, before they are saved. With a {@code mailboxId}, a blank password means the
     * stored one, and the outcome is recorded on the mailbox when the values are the saved ones. A server without
     * a host is left out.
     */
    public List<Report> check(Long mailboxId, ServerForm imap, ServerForm smtp) {
        List<Report> reports = new ArrayList<>();
        boolean saved = mailboxId != null;
        for (Protocol protocol : Protocol.values()) {
            ServerForm form = protocol == Protocol.IMAP ? imap : smtp;
            Optional<Connection> stored = mailboxId == null ? Optional.empty() : mailboxes.connection(mailboxId, protocol);
            if (Mailboxes.host(form) == null) {
                saved &= stored.isEmpty();
                continue;
            }
            String password = form.password() == null || form.password().isEmpty()
                    ? stored.map(Connection::password).orElse(null) : form.password();
            Connection connection = new Connection(Mailboxes.host(form), Mailboxes.port(form, protocol),
                    form.security() == null ? Security.TLS : form.security(), Mailboxes.username(form), password,
                    protocol == Protocol.IMAP ? Mailboxes.folder(form) : null);
            saved &= stored.isPresent() && stored.get().equals(connection);
            reports.add(check(connection, protocol));
        }
        if (saved && !reports.isEmpty()) {
            record(mailboxId, reports);
        }
        return reports;
    }

    /** Checks one server. */
    public Report check(Connection connection, Protocol protocol) {
        Run run = new Run(connection, protocol);
        run.go();
        Report report = new Report(protocol, List.copyOf(run.steps));
        report.failure().ifPresentOrElse(
                f -> log.info("Check of {} {}: failed at {}: {}", protocol, connection, f.step(), f.message()),
                () -> log.info("Check of {} {}: passed", protocol, connection));
        return report;
    }

    private void record(long mailboxId, List<Report> reports) {
        String error = reports.stream().filter(r -> !r.ok())
                .map(r -> r.protocol() + ": " + r.failure().orElseThrow().message())
                .collect(Collectors.joining("; "));
        mailboxes.recordCheck(mailboxId, error.isEmpty() ? null : error);
    }

    /** One check of one server: collects the steps, stops at the first failure. */
    private final class Run {
        private final Connection c;
        private final Protocol protocol;
        private final List<StepResult> steps = new ArrayList<>();

        Run(Connection c, Protocol protocol) {
            this.c = c;
            this.protocol = protocol;
        }

        void go() {
            InetAddress[] addresses = lookUp();
            if (addresses == null) {
                return;
            }
            try (Socket socket = connect(addresses)) {
                if (socket == null) {
                    return;
                }
                if (c.security() == Security.TLS && !tls(socket, Step.TLS)) {
                    return;
                }
                if (c.security() == Security.STARTTLS && !startTls(socket)) {
                    return;
                }
            } catch (IOException closing) {
                // nothing was left to say on this connection
            }
            if (protocol == Protocol.IMAP) {
                imapLogin();
            } else {
                smtpLogin();
            }
        }

        private InetAddress[] lookUp() {
            try {
                InetAddress[] all = InetAddress.getAllByName(c.host());
                pass(Step.DNS, "mailboxes.check.dns.ok", c.host(),
                        Arrays.stream(all).map(InetAddress::getHostAddress).distinct().collect(Collectors.joining(", ")));
                return all;
            } catch (UnknownHostException e) {
                fail(Step.DNS, "mailboxes.check.dns.failed", c.host());
                return null;
            }
        }

        private Socket connect(InetAddress[] addresses) {
            IOException last = null;
            for (InetAddress address : addresses) {
                Socket socket = new Socket();
                try {
                    socket.connect(new InetSocketAddress(address, c.port()), (int) TIMEOUT.toMillis());
                    socket.setSoTimeout((int) TIMEOUT.toMillis());
                    pass(Step.CONNECT, "mailboxes.check.connect.ok", address.getHostAddress(), port());
                    return socket;
                } catch (IOException e) {
                    last = e;
                    closeQuietly(socket);
                }
            }
            if (last instanceof ConnectException && !(last instanceof NoRouteToHostException)) {
                fail(Step.CONNECT, "mailboxes.check.connect.refused", c.host(), port());
            } else if (last instanceof SocketTimeoutException) {
                fail(Step.CONNECT, "mailboxes.check.connect.timeout", c.host(), port(), String.valueOf(TIMEOUT.toSeconds()));
            } else {
                fail(Step.CONNECT, "mailboxes.check.connect.failed", c.host(), port(), text(last));
            }
            return null;
        }

        /** A TLS handshake over {@code socket}, checking the certificate and that it is for the host. */
        private boolean tls(Socket socket, Step step) {
            try {
                SSLSocket ssl = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault())
                        .createSocket(socket, c.host(), c.port(), false);
                SSLParameters parameters = ssl.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                ssl.setSSLParameters(parameters);
                ssl.setSoTimeout((int) TIMEOUT.toMillis());
                ssl.startHandshake();
                pass(step, step == Step.TLS ? "mailboxes.check.tls.ok" : "mailboxes.check.starttls.ok", ssl.getSession().getProtocol());
                return true;
            } catch (SocketTimeoutException e) {
                fail(step, "mailboxes.check.tls.timeout", String.valueOf(TIMEOUT.toSeconds()));
            } catch (SSLHandshakeException e) {
                String chain = causes(e);
                if (chain.contains("No subject alternative") || chain.contains("No name matching")) {
                    fail(step, "mailboxes.check.tls.hostMismatch", c.host());
                } else if (chain.contains("CertPath") || chain.contains("certification path") || chain.contains("ValidatorException")) {
                    fail(step, "mailboxes.check.tls.untrusted", text(e));
                } else {
                    fail(step, "mailboxes.check.tls.failed", text(e));
                }
            } catch (SSLException e) {
                String chain = causes(e);
                if (chain.contains("nrecognized SSL message") || chain.contains("plaintext")) {
                    fail(step, "mailboxes.check.tls.notTls", port());
                } else {
                    fail(step, "mailboxes.check.tls.failed", text(e));
                }
            } catch (IOException e) {
                fail(step, "mailboxes.check.tls.failed", text(e));
            }
            return false;
        }

        /** Asks for STARTTLS in the server's own protocol, then sets up TLS on the same connection. */
        private boolean startTls(Socket socket) {
            try {
                InputStream in = socket.getInputStream();
                OutputStream out = socket.getOutputStream();
                String offered;
                String answer;
                if (protocol == Protocol.IMAP) {
                    String greeting = line(in);
                    if (!greeting.startsWith("* OK")) {
                        fail(Step.STARTTLS, "mailboxes.check.starttls.refused", greeting);
                        return false;
                    }
                    offered = imapCommand(out, in, "S1", "CAPABILITY");
                    if (!offered.toUpperCase(Locale.ROOT).contains("STARTTLS")) {
                        fail(Step.STARTTLS, "mailboxes.check.starttls.missing");
                        return false;
                    }
                    answer = imapCommand(out, in, "S2", "STARTTLS");
                    answer = answer.substring(answer.lastIndexOf("S2 ") + 3);
                    if (!answer.toUpperCase(Locale.ROOT).startsWith("OK")) {
                        fail(Step.STARTTLS, "mailboxes.check.starttls.refused", answer.strip());
                        return false;
                    }
                } else {
                    String greeting = smtpReply(in);
                    if (!greeting.startsWith("220")) {
                        fail(Step.STARTTLS, "mailboxes.check.starttls.refused", greeting.strip());
                        return false;
                    }
                    send(out, "EHLO [" + socket.getLocalAddress().getHostAddress() + "]");
                    offered = smtpReply(in);
                    if (!offered.startsWith("250") || !offered.toUpperCase(Locale.ROOT).contains("STARTTLS")) {
                        fail(Step.STARTTLS, "mailboxes.check.starttls.missing");
                        return false;
                    }
                    send(out, "STARTTLS");
                    answer = smtpReply(in);
                    if (!answer.startsWith("220")) {
                        fail(Step.STARTTLS, "mailboxes.check.starttls.refused", answer.strip());
                        return false;
                    }
                }
            } catch (SocketTimeoutException e) {
                fail(Step.STARTTLS, "mailboxes.check.starttls.timeout", String.valueOf(TIMEOUT.toSeconds()));
                return false;
            } catch (IOException e) {
                fail(Step.STARTTLS, "mailboxes.check.starttls.failed", text(e));
                return false;
            }
            return tls(socket, Step.STARTTLS);
        }

        private void imapLogin() {
            Session session = Session.getInstance(properties("imap"));
            Store store = null;
            try {
                store = session.getStore("imap");
                store.connect(c.host(), c.port(), c.username(), c.password());
                pass(Step.LOGIN, "mailboxes.check.login.ok", c.username());
            } catch (AuthenticationFailedException e) {
                fail(Step.LOGIN, "mailboxes.check.login.refused", serverText(e));
                closeQuietly(store);
                return;
            } catch (MessagingException e) {
                fail(Step.LOGIN, "mailboxes.check.login.failed", text(e));
                closeQuietly(store);
                return;
            }
            String name = c.folder() == null ? "INBOX" : c.folder();
            try {
                Folder folder = store.getFolder(name);
                if (folder.exists()) {
                    pass(Step.FOLDER, "mailboxes.check.folder.ok", name, String.valueOf(folder.getMessageCount()));
                } else {
                    fail(Step.FOLDER, "mailboxes.check.folder.missing", name);
                }
            } catch (MessagingException e) {
                fail(Step.FOLDER, "mailboxes.check.folder.failed", name, text(e));
            } finally {
                closeQuietly(store);
            }
        }

        private void smtpLogin() {
            Session session = Session.getInstance(properties("smtp"));
            Transport transport = null;
            try {
                transport = session.getTransport("smtp");
                if (c.username() == null) {
                    transport.connect(c.host(), c.port(), null, null);
                    pass(Step.LOGIN, "mailboxes.check.login.none");
                } else {
                    transport.connect(c.host(), c.port(), c.username(), c.password() == null ? "" : c.password());
                    pass(Step.LOGIN, "mailboxes.check.login.ok", c.username());
                }
            } catch (AuthenticationFailedException e) {
                fail(Step.LOGIN, "mailboxes.check.login.refused", serverText(e));
            } catch (MessagingException e) {
                fail(Step.LOGIN, "mailboxes.check.login.failed", text(e));
            } finally {
                if (transport != null) {
                    try {
                        transport.close();
                    } catch (MessagingException ignored) {
                        // closing after a check: nothing to do
                    }
                }
            }
        }

        private Properties properties(String p) {
            Properties props = new Properties();
            String millis = String.valueOf(TIMEOUT.toMillis());
            props.put("mail." + p + ".connectiontimeout", millis);
            props.put("mail." + p + ".timeout", millis);
            props.put("mail." + p + ".writetimeout", millis);
            props.put("mail." + p + ".ssl.enable", String.valueOf(c.security() == Security.TLS));
            props.put("mail." + p + ".starttls.enable", String.valueOf(c.security() == Security.STARTTLS));
            props.put("mail." + p + ".starttls.required", String.valueOf(c.security() == Security.STARTTLS));
            props.put("mail." + p + ".ssl.checkserveridentity", "true");
            if (p.equals("smtp")) {
                props.put("mail.smtp.auth", String.valueOf(c.username() != null));
            }
            return props;
        }

        private String port() {
            return String.valueOf(c.port());
        }

        private void pass(Step step, String code, String... args) {
            steps.add(result(step, true, code, args));
        }

        private void fail(Step step, String code, String... args) {
            steps.add(result(step, false, code, args));
        }

        private StepResult result(Step step, boolean ok, String code, String... args) {
            List<String> safe = Arrays.stream(args).map(a -> hidePassword(a == null ? "" : a)).toList();
            String english = messages.getMessage(code, safe.toArray(), code, Locale.ENGLISH);
            return new StepResult(step, ok, code, safe, english);
        }

        /** What a server or library said, with the password blotted out should it ever be echoed. */
        private String hidePassword(String text) {
            String password = c.password();
            return password == null || password.length() < 3 ? text : text.replace(password, "********");
        }

        private String serverText(AuthenticationFailedException e) {
            String text = e.getMessage();
            return text == null || text.isBlank() ? "-" : text.strip();
        }
    }

    private static String text(Throwable e) {
        if (e == null) {
            return "-";
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = Objects.requireNonNullElse(root.getMessage(), root.getClass().getSimpleName());
        return root == e ? message : Objects.requireNonNullElse(e.getMessage(), "") + (message.equals(e.getMessage()) ? "" : " (" + message + ")");
    }

    private static String causes(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            all.append(t.getClass().getName()).append(": ").append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    private static String imapCommand(OutputStream out, InputStream in, String tag, String command) throws IOException {
        send(out, tag + " " + command);
        StringBuilder all = new StringBuilder();
        for (int lines = 0; lines < 100; lines++) {
            String line = line(in);
            all.append(line).append('\n');
            if (line.startsWith(tag + " ")) {
                return all.toString();
            }
        }
        throw new IOException("The server's answer to " + command + " did not end.");
    }

    private static String smtpReply(InputStream in) throws IOException {
        StringBuilder all = new StringBuilder();
        for (int lines = 0; lines < 100; lines++) {
            String line = line(in);
            all.append(line).append('\n');
            if (line.length() < 4 || line.charAt(3) != '-') {
                return all.toString();
            }
        }
        throw new IOException("The server's reply did not end.");
    }

    private static void send(OutputStream out, String command) throws IOException {
        out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** One line of a protocol answer, read byte by byte so that nothing after it is taken from the socket. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (line.size() > 8192) {
                throw new IOException("The server sent a line too long.");
            }
            line.write(b);
        }
        if (b == -1 && line.size() == 0) {
            throw new IOException("The server closed the connection.");
        }
        return line.toString(StandardCharsets.US_ASCII).stripTrailing();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // a socket that did not connect
        }
    }

    private static void closeQuietly(Store store) {
        if (store != null) {
            try {
                store.close();
            } catch (MessagingException ignored) {
                // closing after a check: nothing to do
            }
        }
    }
}
