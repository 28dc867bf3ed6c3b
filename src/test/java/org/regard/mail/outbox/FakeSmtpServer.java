package org.regard.mail.outbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny SMTP server on 127.0.0.1 that answers from a script, for the refusals a real server gives only on bad days:
 * connection n uses script n (the last one for every connection after it). It speaks the protocol for real over a
 * socket; it only decides the answers.
 */
final class FakeSmtpServer implements AutoCloseable {

    /** The answers of one connection to MAIL FROM, RCPT TO and the end of DATA. */
    record Script(String mailFrom, String rcptTo, String endOfData) {
        static final Script ACCEPT = new Script("250 2.1.0 Ok", "250 2.1.5 Ok", "250 2.0.0 Queued");
    }

    private final ServerSocket socket;
    private final List<Script> scripts;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();
    private final Thread acceptor;

    FakeSmtpServer(Script... scripts) throws IOException {
        this.scripts = List.of(scripts);
        this.socket = new ServerSocket(0, 10, InetAddress.getByName("127.0.0.1"));
        this.acceptor = Thread.ofVirtual().start(this::serve);
    }

    int port() {
        return socket.getLocalPort();
    }

    /** How many messages it accepted (250 at the end of DATA). */
    int accepted() {
        return accepted.get();
    }

    int connections() {
        return connections.get();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                int n = connections.getAndIncrement();
                Script script = scripts.get(Math.min(n, scripts.size() - 1));
                Thread.ofVirtual().start(() -> talk(client, script));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void talk(Socket client, Script script) {
        try (client) {
            client.setSoTimeout(30_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
            OutputStream out = client.getOutputStream();
            say(out, "220 fake.test ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                String verb = line.length() < 4 ? line.toUpperCase(Locale.ROOT) : line.substring(0, 4).toUpperCase(Locale.ROOT);
                switch (verb) {
                    case "EHLO", "HELO" -> say(out, "250 fake.test");
                    case "MAIL" -> say(out, script.mailFrom());
                    case "RCPT" -> say(out, script.rcptTo());
                    case "DATA" -> {
                        say(out, "354 End data with <CR><LF>.<CR><LF>");
                        while ((line = in.readLine()) != null && !line.equals(".")) {
                            // the message itself is not kept
                        }
                        if (script.endOfData().startsWith("250")) {
                            accepted.incrementAndGet();
                        }
                        say(out, script.endOfData());
                    }
                    case "RSET", "NOOP" -> say(out, "250 Ok");
                    case "QUIT" -> {
                        say(out, "221 Bye");
                        return;
                    }
                    default -> say(out, "502 Command not implemented");
                }
            }
        } catch (IOException ignored) {
            // the client went away
        }
    }

    private static void say(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        acceptor.interrupt();
    }
}
