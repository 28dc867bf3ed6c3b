package org.regard.procedures;

/** Raised when someone who neither administers the desk nor leads the team tries to write a procedure. */
public class ProcedureForbidden extends RuntimeException {
    public ProcedureForbidden() {
        super("Only an administrator or a lead of the team writes its procedures.");
    }
}
