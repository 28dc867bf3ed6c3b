package org.regard.review;

/** The actor may see the review but not decide it: it is their own work, or they are not a reviewer of its team. */
public class ReviewForbidden extends RuntimeException {
    public enum Why { OWN_WORK, NOT_REVIEWER }

    private final Why why;

    public ReviewForbidden(Why why) {
        super(why == Why.OWN_WORK
                ? "Nobody decides on their own work: another reviewer must approve or return it."
                : "Only a reviewer, a lead of the team or an administrator decides reviews.");
        this.why = why;
    }

    public Why why() {
        return why;
    }
}
