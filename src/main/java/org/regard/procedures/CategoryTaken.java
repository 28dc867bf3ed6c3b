package org.regard.procedures;

/** Raised when a category already has a procedure of the same team: one procedure per team and category. */
public class CategoryTaken extends ProcedureInvalid {
    private final long otherProcedure;

    public CategoryTaken(long categoryId, String categoryName, long otherProcedure) {
        super("categories", "already have a procedure of this team for category " + categoryName + " (procedure "
                + otherProcedure + ")", "procedures.error.categoryTaken", categoryName);
        this.otherProcedure = otherProcedure;
    }

    /** One of the categories was given to another procedure of the team while this one was being published. */
    public CategoryTaken() {
        super("categories", "include a category another procedure of this team was just given", "procedures.error.categoryTakenMeanwhile");
        this.otherProcedure = -1;
    }

    /** The procedure that already applies to the category, or -1 when unknown. */
    public long otherProcedure() {
        return otherProcedure;
    }
}
