package org.regard.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One synthetic ticket with its messages and recorded changes, consistent the way Regard keeps them: the
 * first message is the customer's, touch counts match the touch messages, status changes follow the
 * lifecycle, resolved and closed tickets have a resolution time. Message and change ids are filled in by
 * the loader.
 */
record Story(Object[] ticketRow, List<Object[]> messages, List<Object[]> changes) {
    private static final String[] CHANNELS = {"EMAIL", "WEB", "PHONE", "API", "VISIT"};
    private static final int[] CHANNEL_WEIGHTS = {40, 25, 20, 10, 5};
    private static final String[] PRIORITIES = {"LOW", "NORMAL", "HIGH", "URGENT"};
    private static final int[] PRIORITY_WEIGHTS = {15, 60, 20, 5};
    private static final int[] TEAM_WEIGHTS = {35, 20, 20, 10, 10, 5};

    /**
     * @param extraPercent hundredths of a message added to each conversation on average (0: the usual 4 per ticket;
     *                     103: about 5), drawn only when positive so that the default stays reproducible
     */
    static Story make(long id, long customer, Instant created, Instant now, SplittableRandom random, List<Long> teams,
                      List<long[]> members, List<Long> categories, int extraPercent) {
        long ageHours = Duration.between(created, now).toHours();
        String status = status(ageHours, random);
        String channel = pick(CHANNELS, CHANNEL_WEIGHTS, random);
        String priority = pick(PRIORITIES, PRIORITY_WEIGHTS, random);
        int team = pickIndex(TEAM_WEIGHTS, random, teams.size());
        long[] staff = members.get(team);
        boolean assigned = !status.equals("NEW") || random.nextInt(3) == 0;
        Long assignee = assigned && staff.length > 0 ? staff[random.nextInt(staff.length)] : null;
        long agent = assignee != null ? assignee : staff.length > 0 ? staff[random.nextInt(staff.length)] : members.getFirst()[0];

        long room = Math.max(60, Duration.between(created, now).getSeconds() - 60);
        long activeSeconds = switch (status) {
            case "NEW" -> Math.min(room, 60 + random.nextLong(7_200));
            case "OPEN", "WAITING" -> Math.min(room, 1_800 + random.nextLong(5 * 86_400));
            default -> Math.min(room, 3_600 + random.nextLong(10 * 86_400));
        };
        Instant updated = created.plusSeconds(activeSeconds);

        int count = switch (status) {
            case "NEW" -> 1 + (random.nextInt(5) == 0 ? 1 : 0);
            case "OPEN" -> 2 + random.nextInt(3);
            case "WAITING" -> 2 + random.nextInt(4);
            default -> 2 + random.nextInt(5);
        };
        if (extraPercent > 0) {
            count += extraPercent / 100 + (random.nextInt(100) < extraPercent % 100 ? 1 : 0);
        }
        List<Object[]> messages = new ArrayList<>(count);
        int in = 0;
        int out = 0;
        for (int m = 0; m < count; m++) {
            Instant at = count == 1 ? created : created.plusSeconds(activeSeconds * m / (count - 1));
            String kind;
            if (m == 0) {
                kind = "CUSTOMER";
            } else if (status.equals("NEW")) {
                kind = "NOTE";
            } else {
                int roll = random.nextInt(100);
                kind = roll < 12 ? "NOTE" : roll < 20 ? "CONTACT" : (m % 2 == 1 || m == count - 1) ? "REPLY" : "CUSTOMER";
            }
            String touch = switch (kind) {
                case "CUSTOMER" -> "INBOUND";
                case "NOTE" -> null;
                case "CONTACT" -> random.nextBoolean() ? "INBOUND" : "OUTBOUND";
                default -> "OUTBOUND";
            };
            if ("INBOUND".equals(touch)) {
                in++;
            } else if ("OUTBOUND".equals(touch)) {
                out++;
            }
            String messageChannel = switch (kind) {
                case "CONTACT" -> "PHONE";
                case "NOTE" -> "WEB";
                case "CUSTOMER" -> m == 0 ? channel : "EMAIL";
                default -> channel.equals("EMAIL") ? "EMAIL" : "WEB";
            };
            boolean byCustomer = kind.equals("CUSTOMER") && !(m == 0 && (channel.equals("PHONE") || channel.equals("VISIT")));
            messages.add(new Object[]{null, id, kind, messageChannel, touch,
                    kind.equals("CUSTOMER") && byCustomer ? null : agent, kind.equals("CUSTOMER") ? customer : null,
                    Texts.body(kind, random), at, null});
        }

        List<Object[]> changes = new ArrayList<>();
        Instant step = created.plusSeconds(Math.max(1, activeSeconds / 10));
        if (assignee != null) {
            changes.add(new Object[]{null, id, agent, step, "assignee", null, Long.toString(assignee)});
        }
        Instant resolved = null;
        String[] path = switch (status) {
            case "OPEN" -> new String[]{"NEW", "OPEN"};
            case "WAITING" -> new String[]{"NEW", "OPEN", "WAITING"};
            case "RESOLVED" -> new String[]{"NEW", "OPEN", "WAITING", "OPEN", "RESOLVED"};
            case "CLOSED" -> new String[]{"NEW", "OPEN", "WAITING", "OPEN", "RESOLVED", "CLOSED"};
            default -> new String[]{"NEW"};
        };
        for (int p = 1; p < path.length; p++) {
            Instant at = p == path.length - 1 ? updated : created.plusSeconds(activeSeconds * p / path.length);
            if (path[p].equals("RESOLVED")) {
                resolved = path.length - 1 == p ? updated : created.plusSeconds(activeSeconds * p / path.length);
            }
            changes.add(new Object[]{null, id, path[p - 1].equals("WAITING") ? null : agent, at, "status", path[p - 1], path[p]});
        }
        Object[] ticket = {id, Texts.subject(random), status, priority, channel, customer, teams.get(team), assignee,
                random.nextInt(4) == 0 ? null : categories.get(random.nextInt(categories.size())), in, out, created, updated,
                // as the application counts: 1 when inserted, one more per later save (Spring Data JDBC takes a version of
                // 0 for a row never saved, and would insert the ticket again on its first change)
                resolved, path.length + (assignee != null ? 1 : 0) + messages.size() - 1};
        return new Story(ticket, messages, changes);
    }

    /** Young tickets are still being worked on; a few stragglers stay open for weeks; almost every old one is done. */
    private static String status(long ageHours, SplittableRandom random) {
        int roll = random.nextInt(1000);
        if (ageHours < 24 * 7) {
            return roll < 200 ? "NEW" : roll < 550 ? "OPEN" : roll < 800 ? "WAITING" : roll < 950 ? "RESOLVED" : "CLOSED";
        }
        if (ageHours < 24 * 30) {
            return roll < 10 ? "NEW" : roll < 50 ? "OPEN" : roll < 100 ? "WAITING" : roll < 300 ? "RESOLVED" : "CLOSED";
        }
        return roll < 3 ? "OPEN" : roll < 7 ? "WAITING" : roll < 20 ? "RESOLVED" : "CLOSED";
    }

    private static String pick(String[] values, int[] weights, SplittableRandom random) {
        return values[pickIndex(weights, random, values.length)];
    }

    private static int pickIndex(int[] weights, SplittableRandom random, int size) {
        int total = 0;
        for (int i = 0; i < size; i++) {
            total += weights[i];
        }
        int roll = random.nextInt(total);
        for (int i = 0; i < size; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return i;
            }
        }
        return size - 1;
    }
}
