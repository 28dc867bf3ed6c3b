package org.regard.procedures;

/** Raised when someone published a version of the procedure meanwhile: read it again and repeat the change. */
public class ProcedureConflict extends RuntimeException {
    public ProcedureConflict(long id, int expected, int current) {
        super("Procedure " + id + " is at version " + current + ", not " + expected
                + ": someone published meanwhile. Read it again and repeat your change.");
    }
}
