package org.regard.gestures.api;

import io.swagger.v3.oas.annotations.media.Schema;
import org.regard.gestures.Gesture;
import org.regard.gestures.GestureLimit;
import org.regard.gestures.Gestures;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;

/** What the gestures' API answers with. */
final class GestureResources {
    static final String PROBLEM = "#/components/schemas/Problem";

    private GestureResources() {
    }

    @Schema(name = "Gesture", description = "A gesture an agent granted a customer on a ticket.")
    record GestureResource(long id, long ticket, long customer, long team,
                           @Schema(nullable = true, description = "The ticket's category when the gesture was recorded") Long category,
                           @Schema(description = "The agent who recorded it") long agent,
                           @Schema(allowableValues = {"refund", "voucher", "free-shipping", "replacement", "free-month", "other"}) String kind,
                           @Schema(example = "30.00") BigDecimal amount,
                           @Schema(example = "EUR", description = "ISO 4217") String currency,
                           String reason,
                           @Schema(allowableValues = {"standing", "pending", "returned"},
                                   description = "standing: granted; pending: above the agent's limit, waiting for a reviewer; returned: refused")
                           String state,
                           @Schema(nullable = true, allowableValues = {"no-limit", "currency", "per-gesture", "per-month"},
                                   description = "Why it went to review (null when it stood at once)") String heldBecause,
                           Instant createdAt,
                           @Schema(nullable = true) Long decidedBy,
                           @Schema(nullable = true) Instant decidedAt,
                           @Schema(nullable = true, description = "The reviewer's comment when returned") String comment) {
        static GestureResource of(Gesture g) {
            return new GestureResource(g.id(), g.ticketId(), g.customerId(), g.teamId(), g.categoryId(), g.agentId(),
                    g.kind().key(), g.amount(), g.currency(), g.reason(), g.state().name().toLowerCase(Locale.ROOT),
                    g.heldBecause(), g.createdAt(), g.decidedBy(), g.decidedAt(), g.comment());
        }
    }

    @Schema(name = "GestureLimit", description = "What the members of a team, or one agent, may grant of a kind on their own.")
    record LimitResource(long id,
                         @Schema(nullable = true, description = "The team whose members it applies to (null for an agent's limit)") Long team,
                         @Schema(nullable = true, description = "The agent it applies to; it overrides the team's for the kind") Long agent,
                         String kind, String currency,
                         @Schema(example = "20.00") BigDecimal perGesture,
                         @Schema(nullable = true, description = "The most per calendar month (the team's, in its time zone), standing and pending gestures together")
                         BigDecimal perMonth,
                         @Schema(nullable = true) Long setBy, Instant setAt) {
        static LimitResource of(GestureLimit l) {
            return new LimitResource(l.id(), l.teamId(), l.agentId(), l.kind().key(), l.currency(), l.perGesture(),
                    l.perMonth(), l.setBy(), l.setAt());
        }
    }

    @Schema(name = "GestureSum", description = "The standing gestures of a group in one currency.")
    record SumResource(@Schema(allowableValues = {"agent", "team", "category", "kind"}) String by,
                       @Schema(nullable = true, description = "The agent's, team's or category's id, or the kind's key; null: no category")
                       String key,
                       @Schema(nullable = true) String name, String currency, long count, BigDecimal total) {
        static SumResource of(Gestures.Sum s) {
            return new SumResource(s.by(), s.key(), s.name(), s.currency(), s.count(), s.total());
        }
    }
}
