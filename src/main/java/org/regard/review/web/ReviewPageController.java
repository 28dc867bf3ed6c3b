package org.regard.review.web;

import org.regard.accounts.Accounts;
import org.regard.accounts.Actor;
import org.regard.accounts.AgentPrincipal;
import org.regard.procedures.Checklists;
import org.regard.review.DecidingReview;
import org.regard.review.ReviewAccess;
import org.regard.review.ReviewDecided;
import org.regard.review.ReviewForbidden;
import org.regard.review.ReviewInvalid;
import org.regard.review.ReviewNotFound;
import org.regard.review.ReviewQueue;
import org.regard.review.ReviewRow;
import org.regard.review.ReviewState;
import org.regard.tickets.IllegalTransition;
import org.regard.tickets.ReplyNotWaiting;
import org.regard.tickets.TicketQueries;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The review queue's pages: what waits for a second pair of eyes in the teams the agent sees, and one review with its
 * ticket, its text (editable, for a reply), the ticket's checklist, its reasons and earlier rounds, and the decisions:
 * approve, approve with my changes, or return with a comment. Whoever may not decide it sees it without the buttons and
 * is told why; a review of a team they do not see is not found.
 */
@Controller
class ReviewPageController {
    private final ReviewQueue queue;
    private final DecidingReview deciding;
    private final ReviewAccess access;
    private final Accounts accounts;
    private final TicketQueries tickets;
    private final Checklists checklists;
    private final Clock clock;

    ReviewPageController(ReviewQueue queue, DecidingReview deciding, ReviewAccess access, Accounts accounts,
                         TicketQueries tickets, Checklists checklists, Clock clock) {
        this.queue = queue;
        this.deciding = deciding;
        this.access = access;
        this.accounts = accounts;
        this.tickets = tickets;
        this.checklists = checklists;
        this.clock = clock;
    }

    /** A row of the queue: the review, its ticket's subject and its author's name. */
    record QueueRow(ReviewRow review, String subject, String authorName) {
    }

    @GetMapping("/reviews")
    String list(@AuthenticationPrincipal AgentPrincipal agent, Model model) {
        Actor actor = accounts.actor(agent);
        List<ReviewRow> pending = queue.inState(ReviewState.PENDING, actor);
        Map<Long, String> names = accounts.agentNames(pending.stream().map(ReviewRow::authorAgentId).toList());
        Map<Long, String> subjects = new HashMap<>();
        List<QueueRow> rows = new ArrayList<>();
        for (ReviewRow r : pending) {
            String subject = subjects.computeIfAbsent(r.ticketId(), id -> tickets.ticket(id).map(TicketQueries.TicketRow::subject).orElse("?"));
            rows.add(new QueueRow(r, subject, names.getOrDefault(r.authorAgentId(), "?")));
        }
        model.addAttribute("rows", rows);
        model.addAttribute("now", clock.instant());
        return "review/queue";
    }

    @GetMapping("/reviews/{id}")
    String show(@PathVariable long id, @AuthenticationPrincipal AgentPrincipal agent, Model model) {
        Actor actor = accounts.actor(agent);
        ReviewRow review = found(id, actor);
        model.addAttribute("review", review);
        model.addAttribute("ticket", tickets.ticket(review.ticketId()).orElseThrow());
        List<ReviewRow> rounds = queue.rounds(review.kind(), review.subjectId());
        model.addAttribute("rounds", rounds);
        List<Long> people = new ArrayList<>();
        rounds.forEach(r -> {
            people.add(r.authorAgentId());
            if (r.reviewerAgentId() != null) {
                people.add(r.reviewerAgentId());
            }
        });
        people.add(review.authorAgentId());
        model.addAttribute("names", accounts.agentNames(people));
        model.addAttribute("checklist", checklists.of(review.ticketId(), agent).orElse(null));
        model.addAttribute("lang", LocaleContextHolder.getLocale().getLanguage());
        String refusal = null;
        if (review.state() == ReviewState.PENDING) {
            if (actor.agentId() != null && actor.agentId() == review.authorAgentId()) {
                refusal = "review.refused.ownWork";
            } else if (!access.isReviewerFor(actor, review.teamId())) {
                refusal = "review.refused.notReviewer";
            }
        }
        model.addAttribute("refusal", refusal);
        model.addAttribute("now", clock.instant());
        return "review/show";
    }

    /**
     * A held reply's review, reached from the ticket page (which knows the message, not the review): its newest round,
     * for those who may see the review's team; 404 otherwise.
     */
    @GetMapping("/reviews/reply/{messageId}")
    String ofReply(@PathVariable long messageId, @AuthenticationPrincipal AgentPrincipal agent) {
        Actor actor = accounts.actor(agent);
        ReviewRow latest = queue.latestRow("reply", messageId).filter(r -> access.canSee(actor, r))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No review of reply " + messageId + "."));
        return "redirect:/reviews/" + latest.id();
    }

    @PostMapping("/reviews/{id}/approve")
    String approve(@PathVariable long id, @RequestParam(required = false) String body,
                   @RequestParam(name = "withChanges", defaultValue = "false") boolean withChanges,
                   @AuthenticationPrincipal AgentPrincipal agent, RedirectAttributes redirect) {
        return decide(id, redirect, () -> deciding.approve(id, withChanges ? body : null, accounts.actor(agent)),
                "review.flash.approved");
    }

    @PostMapping("/reviews/{id}/return")
    String giveBack(@PathVariable long id, @RequestParam(required = false) String comment,
                    @AuthenticationPrincipal AgentPrincipal agent, RedirectAttributes redirect) {
        return decide(id, redirect, () -> deciding.returnToAuthor(id, comment, accounts.actor(agent)), "review.flash.returned");
    }

    private String decide(long id, RedirectAttributes redirect, Runnable decision, String done) {
        try {
            decision.run();
            redirect.addFlashAttribute("flash", done);
            return "redirect:/reviews";
        } catch (ReviewNotFound e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        } catch (ReviewForbidden e) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, e.getMessage());
        } catch (ReviewDecided e) {
            redirect.addFlashAttribute("flash", e.review().state() == ReviewState.WITHDRAWN
                    ? "review.flash.withdrawnMeanwhile" : "review.flash.decided");
        } catch (ReplyNotWaiting e) {
            redirect.addFlashAttribute("flash", "review.flash.decided");
        } catch (ReviewInvalid e) {
            redirect.addFlashAttribute("flash", "comment".equals(e.field()) ? "review.flash.commentEmpty" : "review.flash.bodyEmpty");
        } catch (IllegalTransition e) {
            redirect.addFlashAttribute("flash", "review.flash.statusRefused");
        }
        return "redirect:/reviews/" + id;
    }

    private ReviewRow found(long id, Actor actor) {
        try {
            return queue.get(id, actor);
        } catch (ReviewNotFound e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        }
    }
}
