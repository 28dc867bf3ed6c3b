package org.regard.accounts.web;

import org.regard.accounts.AgentAdministration;
import org.springframework.validation.Errors;

/** The agent's own password change: the current password, the new one, and the new one again. */
class PasswordForm {
    private String currentPassword = "";
    private String newPassword = "";
    private String confirmPassword = "";

    void validate(Errors errors) {
        if (currentPassword.isEmpty()) {
            errors.rejectValue("currentPassword", "profile.password.error.current");
        }
        if (AgentAdministration.passwordProblem(newPassword).isPresent()) {
            errors.rejectValue("newPassword", "profile.password.error.short",
                    new Object[]{AgentAdministration.MIN_PASSWORD_LENGTH}, null);
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
