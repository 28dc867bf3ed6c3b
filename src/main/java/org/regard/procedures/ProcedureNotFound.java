package org.regard.procedures;

import java.util.NoSuchElementException;

/** Raised when there is no such procedure, or no such version of it (a 404 on pages and in the API). */
public class ProcedureNotFound extends NoSuchElementException {
    public ProcedureNotFound(long id) {
        super("No procedure " + id);
    }

    public ProcedureNotFound(long id, int version) {
        super("Procedure " + id + " has no version " + version);
    }
}
