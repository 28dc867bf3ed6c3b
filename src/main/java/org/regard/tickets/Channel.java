package org.regard.tickets;

/** How the customer reached the team, or how the team reached them. */
public enum Channel {
    EMAIL, PHONE, VISIT, WEB, API
}
