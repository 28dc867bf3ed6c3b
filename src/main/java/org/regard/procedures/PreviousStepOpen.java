package org.regard.procedures;

/** Raised when a step that comes only after the previous one is ticked while the previous one is not done (409). */
public class PreviousStepOpen extends RuntimeException {
    public PreviousStepOpen(String stepKey) {
        super("Step " + stepKey + " comes only after the previous step, which is not done.");
    }
}
