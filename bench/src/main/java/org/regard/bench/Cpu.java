package org.regard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time used so far, read from Linux's {@code /proc}: by Regard (the process {@code run.sh} started, named by the
 * environment variable {@code BENCH_REGARD_PID}; absent while Regard is stopped), by every PostgreSQL process, and by
 * this bench tool. Two readings around a measurement say what one request cost each of them, whatever else ran on the
 * machine. H2 runs inside Regard (or inside the ceiling tool), so its time is counted there.
 */
record Cpu(long regardMillis, Map<Long, Long> postgresMillis, long toolMillis) {
    /** Linux's clock ticks per second for {@code /proc/<pid>/stat} (USER_HZ, 100 on every Linux this runs on). */
    private static final int TICKS = 100;

    static Cpu now() {
        String regard = System.getenv("BENCH_REGARD_PID");
        Map<Long, Long> postgres = new HashMap<>();
        try (Stream<Path> all = Files.list(Path.of("/proc"))) {
            all.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
                String stat = read(p.resolve("stat"));
                if (stat != null && stat.contains("(postgres)")) {
                    postgres.put(Long.parseLong(p.getFileName().toString()), millis(stat));
                }
            });
        } catch (IOException | RuntimeException e) {
            postgres.clear(); // not Linux, or /proc unreadable: no CPU figures
        }
        String self = read(Path.of("/proc/self/stat"));
        String app = regard == null || regard.isBlank() ? null : read(Path.of("/proc", regard.strip(), "stat"));
        return new Cpu(app == null ? -1 : millis(app), postgres, self == null ? -1 : millis(self));
    }

    /** What one of {@code requests} cost since {@code before}: Regard, PostgreSQL and this tool, in ms (-1: unknown). */
    double[] perRequest(Cpu before, long requests) {
        double n = Math.max(1, requests);
        long pg = 0;
        for (Map.Entry<Long, Long> e : postgresMillis.entrySet()) {
            pg += e.getValue() - before.postgresMillis.getOrDefault(e.getKey(), 0L);
        }
        return new double[]{
                regardMillis < 0 || before.regardMillis < 0 ? -1 : (regardMillis - before.regardMillis) / n,
                postgresMillis.isEmpty() ? -1 : pg / n,
                toolMillis < 0 || before.toolMillis < 0 ? -1 : (toolMillis - before.toolMillis) / n};
    }

    private static long millis(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // after the command: state is field 3, utime field 14, stime field 15
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 1000L / TICKS;
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
