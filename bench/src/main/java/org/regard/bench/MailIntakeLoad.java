package org.regard.bench;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Mail intake, end to end: an IMAP server in this process, Regard reading it, and every message of the shared mail
 * corpus (mixed sizes, real-world structure) delivered into the mailbox; measures how many messages per second go
 * from raw bytes on the server to a committed ticket message, then the heap Regard uses while it ingests one 25 MB
 * message. Regard must be started by the caller with a mailbox declared for {@code --address} on this tool's IMAP port
 * (this tool prints the port on its first line and waits for {@code --ready-file}), which {@code bench/mail.sh} does.
 * <p>
 * Options: {@code --url} {@code --user} (Regard's database, read to see committed messages), {@code --corpus}
 * ({@code ../shared/corpus/mail}), {@code --copies} (times the corpus is delivered, each copy with new Message-IDs),
 * {@code --big-mb} (25), {@code --base} (Regard's address), {@code --admin} {@code --password} (for its metrics),
 * {@code --pid} (Regard's process id, for its resident memory), {@code --address}, {@code --port-file},
 * {@code --ready-file}.
 */
public final class MailIntakeLoad {
    private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^message-id:[^\\r\\n]*(\\r?\\n[ \\t][^\\r\\n]*)*\\r?\\n");

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        String address = args.get("address", "support@bench.example.com");
        GreenMail server = new GreenMail(new ServerSetup[]{
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort(),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort()});
        server.start();
        try {
            GreenMailUser mailbox = server.setUser(address, address, "bench-mail-password");
            Files.writeString(Path.of(args.require("port-file")), server.getImap().getPort() + " " + server.getSmtp().getPort());
            Path ready = Path.of(args.require("ready-file"));
            for (int i = 0; i < 600 && !Files.exists(ready); i++) {
                Thread.sleep(500);
            }
            if (!Files.exists(ready)) {
                throw new IllegalStateException("Regard did not start");
            }
            run(args, mailbox);
        } finally {
            server.stop();
        }
    }

    private static void run(Args args, GreenMailUser mailbox) throws Exception {
        String url = args.require("url");
        String user = args.get("user", "sa");
        List<byte[]> corpus = corpus(Path.of(args.get("corpus", "../shared/corpus/mail")));
        int copies = args.integer("copies", 3);
        long corpusBytes = corpus.stream().mapToLong(b -> b.length).sum();
        System.out.printf(Locale.ROOT, "corpus: %d messages, %.1f MB, delivered %d times%n", corpus.size(), corpusBytes / 1e6, copies);

        // warm-up: one copy of the corpus, not measured (a fresh JVM is still compiling)
        int delivered = deliver(mailbox, corpus, "warm", 0);
        awaitProcessed(url, user, delivered, 600);
        int base = processed(url, user);

        long t0 = System.nanoTime();
        int measured = 0;
        for (int c = 0; c < copies; c++) {
            measured += deliver(mailbox, corpus, "run" + c, 0);
        }
        long deliveredAt = System.nanoTime();
        awaitProcessed(url, user, base + measured, 1200);
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "delivery into the IMAP folder took %.2f s%n", (deliveredAt - t0) / 1e9);
        System.out.printf(Locale.ROOT, "RESULT\tintake\t%d messages\t%.1f MB\t%.2f s\t%.1f msg/s\t%.2f MB/s%n",
                measured, corpusBytes * copies / 1e6, seconds, measured / seconds, corpusBytes * copies / 1e6 / seconds);
        storedToCommitted(url, user);

        bigMessage(args, mailbox, url, user);
    }

    /** Processing latency per message: stored from IMAP (received_at) to its ticket message committed. */
    private static void storedToCommitted(String url, String user) throws SQLException {
        Latencies latencies = new Latencies();
        try (Connection c = DriverManager.getConnection(url, user, ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select i.received_at, m.created_at from mail_inbound i join message m on m.id = i.ticket_message_id")) {
            while (rs.next()) {
                latencies.add(Math.max(0, rs.getTimestamp(2).toInstant().toEpochMilli() - rs.getTimestamp(1).toInstant().toEpochMilli()) * 1_000_000L);
            }
        }
        System.out.printf(Locale.ROOT, "RESULT\tstored -> ticket message\tn=%d\tp50 %.0f ms\tp95 %.0f ms\tp99 %.0f ms\tmax %.0f ms%n",
                latencies.count(), latencies.percentile(50), latencies.percentile(95), latencies.percentile(99), latencies.max());
    }

    private static void bigMessage(Args args, GreenMailUser mailbox, String url, String user) throws Exception {
        int megabytes = args.integer("big-mb", 25);
        byte[] big = bigMessage(megabytes);
        String base = args.require("base");
        String auth = "Basic " + Base64.getEncoder().encodeToString((args.require("admin") + ":" + args.require("password")).getBytes(StandardCharsets.UTF_8));
        HttpClient http = HttpClient.newHttpClient();
        String pidFile = args.get("pid-file", "");
        long pid = pidFile.isEmpty() || !Files.exists(Path.of(pidFile)) ? args.number("pid", 0)
                : Long.parseLong(Files.readString(Path.of(pidFile)).strip());

        System.gc();
        // collect Regard's own garbage first, so the baseline is what it holds and not what its last GC left behind
        collectGarbage(pid);
        AtomicLong baseline = new AtomicLong(Long.MAX_VALUE);
        for (int i = 0; i < 10; i++) {
            baseline.set(Math.min(baseline.get(), heapUsed(http, base, auth)));
            Thread.sleep(200);
        }
        long hwmBefore = residentPeak(pid);
        AtomicLong peak = new AtomicLong();
        int before = processed(url, user);
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    peak.accumulateAndGet(heapUsed(http, base, auth), Math::max);
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception ignored) {
                    // a missed sample
                }
            }
        });
        long t0 = System.nanoTime();
        mailbox.deliver(GreenMailUtil.newMimeMessage(new ByteArrayInputStream(big)));
        awaitProcessed(url, user, before + 1, 600);
        double seconds = (System.nanoTime() - t0) / 1e9;
        sampler.interrupt();
        sampler.join();
        long hwmAfter = residentPeak(pid);
        System.out.printf(Locale.ROOT, "RESULT\t%d MB message\t%.1f MB raw\t%.2f s to a ticket\theap baseline %.0f MB\theap peak %.0f MB (+%.0f MB)\tRSS peak %s%n",
                megabytes, big.length / 1e6, seconds, baseline.get() / 1e6, peak.get() / 1e6, (peak.get() - baseline.get()) / 1e6,
                pid == 0 ? "n/a" : String.format(Locale.ROOT, "%.0f -> %.0f MB", hwmBefore / 1e6, hwmAfter / 1e6));
    }

    /** Asks Regard's JVM for a full collection ({@code jcmd <pid> GC.run}, from the JDK this tool runs on). */
    private static void collectGarbage(long pid) throws IOException, InterruptedException {
        if (pid == 0) {
            return;
        }
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (Files.isExecutable(jcmd)) {
            new ProcessBuilder(jcmd.toString(), String.valueOf(pid), "GC.run").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        }
    }

    private static long heapUsed(HttpClient http, String base, String auth) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/metrics/jvm.memory.used?tag=area:heap"))
                .header("Authorization", auth).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("metrics: HTTP " + r.statusCode());
        }
        var m = Pattern.compile("\"value\"\\s*:\\s*([0-9.E+]+)").matcher(r.body());
        if (!m.find()) {
            throw new IOException("metrics: no value");
        }
        return (long) Double.parseDouble(m.group(1));
    }

    private static long residentPeak(long pid) throws IOException {
        if (pid == 0) {
            return 0;
        }
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        return 0;
    }

    /** A 25 MB message: a short text and a base64 attachment of random bytes, as a customer's scan or video would be. */
    private static byte[] bigMessage(int megabytes) {
        byte[] payload = new byte[megabytes * 1024 * 1024 * 3 / 4 - 4096];
        new Random(25).nextBytes(payload);
        String encoded = Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(payload);
        String head = "From: Big Sender <big@bench.example.com>\r\nTo: support@bench.example.com\r\nSubject: The scans you asked for\r\n"
                + "Message-ID: <big-" + System.nanoTime() + "@bench.example.com>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n--b1\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                + "Here are the scans.\r\n--b1\r\nContent-Type: application/octet-stream; name=\"scans.bin\"\r\n"
                + "Content-Disposition: attachment; filename=\"scans.bin\"\r\nContent-Transfer-Encoding: base64\r\n\r\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream(encoded.length() + 1024);
        out.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(encoded.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes("\r\n--b1--\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static int deliver(GreenMailUser mailbox, List<byte[]> corpus, String tag, int ignored) throws Exception {
        int n = 0;
        for (byte[] raw : corpus) {
            byte[] renamed = withMessageId(raw, "<bench-" + tag + "-" + n + "-" + System.nanoTime() + "@bench.example.com>");
            mailbox.deliver(GreenMailUtil.newMimeMessage(new ByteArrayInputStream(renamed)));
            n++;
        }
        return n;
    }

    /** The message with its Message-ID replaced (or added), so every copy is a new message to Regard. */
    static byte[] withMessageId(byte[] raw, String id) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            end = text.indexOf("\n\n");
        }
        String header = end < 0 ? text : text.substring(0, end + 1);
        String rest = end < 0 ? "" : text.substring(end + 1);
        header = MESSAGE_ID.matcher(header).replaceAll("");
        return ("Message-ID: " + id + "\r\n" + header + rest).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static List<byte[]> corpus(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("No mail corpus at " + root.toAbsolutePath());
        }
        List<byte[]> messages = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(".eml") || name.endsWith(".box") || name.endsWith(".msg")) {
                    messages.add(Files.readAllBytes(f));
                }
            }
        }
        return messages;
    }

    private static int processed(String url, String user) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from mail_inbound where state = 'PROCESSED'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void awaitProcessed(String url, String user, int count, int seconds) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        int last = -1;
        while (System.nanoTime() < deadline) {
            last = processed(url, user);
            if (last >= count) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("Only " + last + " of " + count + " messages reached a ticket within " + seconds + " s");
    }
}
