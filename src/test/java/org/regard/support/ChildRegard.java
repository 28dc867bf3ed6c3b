package org.regard.support;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Regard as a separate operating-system process, started from the same compiled classes and libraries as the tests,
 * so a test can kill it outright ({@code SIGKILL}: no shutdown hook, no graceful stop) and start it again.
 */
public final class ChildRegard implements AutoCloseable {
    private final Process process;
    private final int port;

    private ChildRegard(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts Regard with these {@code --name=value} arguments (plus a free port) and waits until it answers its health
     * check. Output goes to {@code log}.
     */
    public static ChildRegard start(Map<String, String> properties, Path log) throws IOException, InterruptedException {
        ChildRegard child = launch(properties, log);
        child.awaitHealthy(log);
        return child;
    }

    /** Starts Regard without waiting for it (it may be killed while it is still starting). */
    public static ChildRegard launch(Map<String, String> properties, Path log) throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Xmx768m"); // room for the language models, loaded on the first message
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-cp");
        command.add(applicationClassPath());
        command.add("org.regard.RegardApplication");
        command.add("--server.port=" + port);
        command.add("--server.address=127.0.0.1");
        properties.forEach((k, v) -> command.add("--" + k + "=" + v));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return new ChildRegard(process, port);
    }

    /** Waits until Regard answers its health check. */
    public void awaitHealthy(Path log) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Regard stopped while starting (exit " + process.exitValue() + "); see " + log);
            }
            if (healthy()) {
                return;
            }
            Thread.sleep(250);
        }
        kill();
        throw new IllegalStateException("Regard did not answer within 180 s; see " + log);
    }

    public int port() {
        return port;
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** Kills the process at once, as a power cut or {@code kill -9} would, and waits until it is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    private boolean healthy() {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/actuator/health").toURL().openConnection();
            c.setConnectTimeout(500);
            c.setReadTimeout(2000);
            return c.getResponseCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    /** The test run's class path without the test classes (surefire runs through a manifest-only jar). */
    static String applicationClassPath() {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(cp.split(File.pathSeparator))
                .filter(entry -> !entry.replace('\\', '/').endsWith("/test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
