package org.regard.reports;

/** The agent may not see this report: a plain agent, or a lead asking for a team they do not lead. */
public class ReportForbidden extends RuntimeException {
    public ReportForbidden(String message) {
        super(message);
    }
}
