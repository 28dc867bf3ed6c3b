package org.regard.procedures;

/** Raised when a category already has a procedure of the same team: one procedure per team and category. */
public class CategoryTaken extends ProcedureInvalid {
    private final long otherProcedure;

    public CategoryTaken(long categoryId, String categoryName, long otherProcedure) {
        super("categories", "already have a procedure of this team for category " + categoryName + " (procedure "
                + otherProcedure + ")", "procedures.error.categoryTaken", categoryName);
        this.otherProcedure = otherProcedure;
    }

    /** The procedure that already applies to the category. */
    public long otherProcedure() {
        return otherProcedure;
    }
}
