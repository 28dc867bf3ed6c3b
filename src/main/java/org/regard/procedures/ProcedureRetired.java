package org.regard.procedures;

/** Raised when retiring a procedure that is retired already, or publishing a version of one. */
public class ProcedureRetired extends RuntimeException {
    public ProcedureRetired(long id) {
        super("Procedure " + id + " is retired.");
    }
}
