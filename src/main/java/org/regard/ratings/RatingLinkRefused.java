package org.regard.ratings;

/** A rating link that is not one Regard made (forged, altered, for another request): answered with 404. */
public class RatingLinkRefused extends RuntimeException {
    public RatingLinkRefused() {
        super("This rating link is not valid.");
    }
}
