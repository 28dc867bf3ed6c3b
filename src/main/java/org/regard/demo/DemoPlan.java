package org.regard.demo;

import org.regard.demo.DemoCast.AgentSpec;
import org.regard.demo.DemoCast.CustomerSpec;
import org.regard.demo.DemoScripts.Script;
import org.regard.tickets.Channel;
import org.regard.tickets.Priority;
import org.regard.tickets.TicketStatus;
import org.regard.tickets.TouchDirection;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * What happens on each demo ticket and when: a pure, deterministic plan made from a fixed seed, so every
 * demo desk tells the same stories (only shifted to the day it is loaded). Agents and customers are
 * indexes into {@link DemoCast#AGENTS} and {@link DemoCast#CUSTOMERS}.
 */
final class DemoPlan {
    static final long SEED = 20_261_122L;
    static final int TICKETS = 200;
    static final int DAYS = 60;

    private DemoPlan() {
    }

    /** One thing that happens on a ticket, at its moment in the story. */
    sealed interface Step {
        Instant at();

        /** The same step at another moment. */
        Step at(Instant moment);
    }

    /** The customer's request opens the ticket; {@code opener} is the agent who took a call or visit, else null. */
    record Open(Instant at, Integer opener) implements Step {
        public Step at(Instant moment) {
            return new Open(moment, opener);
        }
    }

    record Assign(Instant at, int agent) implements Step {
        public Step at(Instant moment) {
            return new Assign(moment, agent);
        }
    }

    record Note(Instant at, int agent, String body) implements Step {
        public Step at(Instant moment) {
            return new Note(moment, agent, body);
        }
    }

    /** A reply to the customer; {@code next} null leaves the status as the reply makes it (a new ticket opens). */
    record Reply(Instant at, int agent, String body, TicketStatus next) implements Step {
        public Step at(Instant moment) {
            return new Reply(moment, agent, body, next);
        }
    }

    record CustomerWrites(Instant at, String body, Channel channel) implements Step {
        public Step at(Instant moment) {
            return new CustomerWrites(moment, body, channel);
        }
    }

    record Call(Instant at, int agent, String body, Channel channel, TouchDirection direction) implements Step {
        public Step at(Instant moment) {
            return new Call(moment, agent, body, channel, direction);
        }
    }

    record Close(Instant at, int agent) implements Step {
        public Step at(Instant moment) {
            return new Close(moment, agent);
        }
    }

    /** One ticket's story: who, what about, how it came in, and its steps in order. */
    record TicketStory(int customer, Script script, Channel channel, Priority priority, String team, int assignee,
                       TicketStatus outcome, List<Step> steps) {

        Instant openedAt() {
            return steps.getFirst().at();
        }

        List<Instant> moments() {
            return steps.stream().map(Step::at).toList();
        }
    }

    /** The tickets, oldest first, and for each customer the moment they became a customer. */
    record Plan(List<TicketStory> tickets, List<Instant> customersSince) {
    }

    static Plan make(int ticketCount, Instant now) {
        return make(SEED, ticketCount, now);
    }

    static Plan make(long seed, int ticketCount, Instant now) {
        Random random = new Random(seed);
        List<TicketStory> stories = new ArrayList<>(ticketCount);
        for (int i = 0; i < ticketCount; i++) {
            stories.add(story(random, i, now));
        }
        stories.sort(Comparator.comparing(TicketStory::openedAt));
        List<Instant> since = new ArrayList<>();
        for (int c = 0; c < DemoCast.CUSTOMERS.size(); c++) {
            int customer = c;
            Instant first = stories.stream().filter(s -> s.customer() == customer).map(TicketStory::openedAt)
                    .findFirst().orElse(now.minus(Duration.ofDays(DAYS)));
            since.add(first.minus(Duration.ofDays(20 + random.nextInt(700))).truncatedTo(ChronoUnit.MINUTES));
        }
        return new Plan(List.copyOf(stories), List.copyOf(since));
    }

    private static TicketStory story(Random random, int index, Instant now) {
        int customer = pickCustomer(random);
        CustomerSpec who = DemoCast.CUSTOMERS.get(customer);
        List<Script> scripts = DemoScripts.inLanguage(who.language());
        Script chosen = scripts.get(random.nextInt(scripts.size()));
        Script script = chosen.withReference(reference(random, index, chosen.topic()));
        String team = teamFor(script);
        int assignee = pickAgent(random, team, who.language());
        Channel channel = pick(random, new Channel[]{Channel.EMAIL, Channel.WEB, Channel.PHONE, Channel.API, Channel.VISIT},
                new int[]{38, 24, 20, 10, 8});
        Priority priority = pick(random, Priority.values(), new int[]{15, 55, 22, 8});
        if (who.tier().equals("key-account") && priority.ordinal() < Priority.URGENT.ordinal() && random.nextBoolean()) {
            priority = Priority.values()[priority.ordinal() + 1];
        }
        Instant opened = openedAt(random, now);
        double ageDays = Duration.between(opened, now).toMinutes() / 1440.0;
        TicketStatus outcome = outcome(random, ageDays);

        Steps steps = new Steps(random, opened);
        boolean inPerson = channel == Channel.PHONE || channel == Channel.VISIT;
        steps.add(0, new Open(null, inPerson ? assignee : null));
        boolean assigned = outcome != TicketStatus.NEW || random.nextBoolean();
        if (assigned) {
            steps.add(inPerson ? 2 : 10 + random.nextInt(170), new Assign(null, assignee));
        }
        if (random.nextInt(4) == 0) {
            steps.add(5 + random.nextInt(55), new Note(null, assignee, script.note()));
        }
        Channel writesBy = channel == Channel.WEB || channel == Channel.API ? Channel.WEB : Channel.EMAIL;
        switch (outcome) {
            case NEW -> {
            }
            case WAITING -> steps.add(15 + random.nextInt(225), new Reply(null, assignee, script.question(), TicketStatus.WAITING));
            case OPEN -> {
                if (ageDays > 2 && random.nextInt(4) == 0) {
                    solve(random, steps, script, assignee, writesBy);
                    steps.add(1440 + random.nextInt(4 * 1440), new CustomerWrites(null, script.relapse(), writesBy));
                } else {
                    steps.add(15 + random.nextInt(225), new Reply(null, assignee, script.question(), null));
                    if (random.nextBoolean()) {
                        steps.add(60 + random.nextInt(29 * 60), new CustomerWrites(null, script.answer(), writesBy));
                    }
                }
            }
            case RESOLVED -> solve(random, steps, script, assignee, writesBy);
            case CLOSED -> {
                solve(random, steps, script, assignee, writesBy);
                steps.add(3 * 1440 + random.nextInt(4 * 1440), new Close(null, assignee));
            }
        }
        return new TicketStory(customer, script, channel, priority, team, assignee, outcome, steps.fitBefore(now));
    }

    /** Either solved at once, or after asking the customer something (and sometimes a call). */
    private static void solve(Random random, Steps steps, Script script, int agent, Channel writesBy) {
        if (random.nextInt(10) < 3) {
            steps.add(20 + random.nextInt(400), new Reply(null, agent, script.solution(), TicketStatus.RESOLVED));
            return;
        }
        steps.add(15 + random.nextInt(225), new Reply(null, agent, script.question(), TicketStatus.WAITING));
        steps.add(60 + random.nextInt(29 * 60), new CustomerWrites(null, script.answer(), writesBy));
        if (random.nextInt(20) < 7) {
            Channel channel = random.nextInt(5) == 0 ? Channel.VISIT : Channel.PHONE;
            TouchDirection direction = random.nextInt(10) < 3 ? TouchDirection.INBOUND : TouchDirection.OUTBOUND;
            steps.add(30 + random.nextInt(150), new Call(null, agent, script.call(), channel, direction));
        }
        steps.add(30 + random.nextInt(570), new Reply(null, agent, script.solution(), TicketStatus.RESOLVED));
    }

    /** Steps with their delays in minutes, squeezed when the story would run past now. */
    private static final class Steps {
        private final Random random;
        private final Instant opened;
        private final List<Step> steps = new ArrayList<>();
        private final List<Long> delays = new ArrayList<>();

        Steps(Random random, Instant opened) {
            this.random = random;
            this.opened = opened;
        }

        void add(int delayMinutes, Step step) {
            steps.add(step);
            delays.add(delayMinutes * 60L + random.nextInt(60));
        }

        List<Step> fitBefore(Instant now) {
            long total = delays.stream().mapToLong(Long::longValue).sum();
            long room = Duration.between(opened, now).getSeconds() - 120;
            double squeeze = total > room ? (double) room / total : 1.0;
            List<Step> placed = new ArrayList<>(steps.size());
            Instant at = opened;
            for (int i = 0; i < steps.size(); i++) {
                at = at.plusSeconds(i == 0 ? 0 : Math.max(20, Math.round(delays.get(i) * squeeze)));
                placed.add(steps.get(i).at(at));
            }
            return List.copyOf(placed);
        }
    }

    /** Recent days are busier than older ones; tickets arrive in working hours. */
    private static Instant openedAt(Random random, Instant now) {
        double age = DAYS * Math.pow(random.nextDouble(), 1.6);
        Instant day = now.minus(Duration.ofMinutes(Math.round(age * 1440))).truncatedTo(ChronoUnit.DAYS);
        Instant opened = day.plus(Duration.ofMinutes(7 * 60 + random.nextInt(11 * 60))).plusSeconds(random.nextInt(60));
        if (opened.isAfter(now.minus(Duration.ofMinutes(15)))) {
            opened = now.minus(Duration.ofMinutes(15 + random.nextInt(8 * 60)));
        }
        return opened;
    }

    /** Young tickets are mostly still being worked on; old ones mostly done. */
    private static TicketStatus outcome(Random random, double ageDays) {
        TicketStatus[] all = TicketStatus.values(); // NEW, OPEN, WAITING, RESOLVED, CLOSED
        if (ageDays < 2) {
            return pick(random, all, new int[]{40, 30, 25, 5, 0});
        }
        if (ageDays < 10) {
            return pick(random, all, new int[]{5, 25, 25, 30, 15});
        }
        return pick(random, all, new int[]{0, 5, 5, 15, 75});
    }

    /** The team that handles a script: Vietnamese customers go to the Hà Nội office, except for hardware. */
    static String teamFor(Script script) {
        if (script.language().equals("vi") && script.topic() != DemoCast.Topic.HARDWARE) {
            return DemoCast.HANOI;
        }
        return script.topic().team;
    }

    /** A member of the team who speaks the customer's language (every team has one for each language it serves). */
    private static int pickAgent(Random random, String team, String language) {
        List<Integer> candidates = new ArrayList<>();
        for (int a = 0; a < DemoCast.AGENTS.size(); a++) {
            AgentSpec agent = DemoCast.AGENTS.get(a);
            if (agent.teams().contains(team) && agent.speaks(language)) {
                candidates.add(a);
            }
        }
        if (candidates.isEmpty()) {
            throw new IllegalStateException("No agent of " + team + " speaks " + language);
        }
        return candidates.get(random.nextInt(candidates.size()));
    }

    private static int pickCustomer(Random random) {
        int total = DemoCast.CUSTOMERS.stream().mapToInt(CustomerSpec::weight).sum();
        int roll = random.nextInt(total);
        for (int c = 0; c < DemoCast.CUSTOMERS.size(); c++) {
            roll -= DemoCast.CUSTOMERS.get(c).weight();
            if (roll < 0) {
                return c;
            }
        }
        throw new IllegalStateException("weights add up");
    }

    /** An invoice, order or serial number, as the topic needs; unused by scripts without {@code {ref}}. */
    private static String reference(Random random, int index, DemoCast.Topic topic) {
        return switch (topic) {
            case INVOICES -> "INV-2026-" + (1000 + index * 7 + random.nextInt(7));
            case DELIVERY -> "ORD-" + (480_000 + index * 13 + random.nextInt(13));
            default -> "SN-" + (10_000_000 + random.nextInt(90_000_000));
        };
    }

    private static <T> T pick(Random random, T[] values, int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int roll = random.nextInt(total);
        for (int i = 0; i < values.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return values[i];
            }
        }
        throw new IllegalStateException("weights add up");
    }
}
