package org.regard.accounts.web;

import org.regard.accounts.PasswordPolicy;
import org.springframework.validation.Errors;

/** The agent's own password change: the current password, the new one, and the new one again. */
class PasswordForm {
    private String currentPassword = "";
    private String newPassword = "";
    private String confirmPassword = "";

    /** Checks the form, the new password against the rules for this agent (their email and name). */
    void validate(Errors errors, PasswordPolicy policy, String email, String displayName) {
        if (currentPassword.isEmpty()) {
            errors.rejectValue("currentPassword", "profile.password.error.current");
        }
        var problem = policy.problemWith(newPassword, email, displayName);
        if (problem.isPresent()) {
            errors.rejectValue("newPassword", problem.get().messageKey(), problem.get().messageArguments(), null);
        } else if (!newPassword.equals(confirmPassword)) {
            errors.rejectValue("confirmPassword", "profile.password.error.mismatch");
        }
    }

    /** Passwords are never sent back to the browser. */
    void forget() {
        currentPassword = "";
        newPassword = "";
        confirmPassword = "";
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword == null ? "" : currentPassword;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword == null ? "" : newPassword;
    }

    public String getConfirmPassword() {
        return confirmPassword;
    }

    public void setConfirmPassword(String confirmPassword) {
        this.confirmPassword = confirmPassword == null ? "" : confirmPassword;
    }
}
