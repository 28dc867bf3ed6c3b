package org.regard.customers.web;

import org.regard.customers.Customers;
import org.springframework.validation.Errors;

import java.util.List;

/** An organization's name and tier, as edited on its page. */
class OrganizationForm {
    private String name = "";
    private String tier = "";

    static OrganizationForm of(Customers.OrganizationView organization) {
        OrganizationForm form = new OrganizationForm();
        form.name = organization.name();
        form.tier = organization.tier();
        return form;
    }

    void validate(Errors errors, List<String> tiers) {
        if (name.isBlank()) {
            errors.rejectValue("name", "organizations.error.name.required");
        } else if (name.strip().length() > 200) {
            errors.rejectValue("name", "customers.error.tooLong", new Object[]{200}, null);
        }
        if (!tiers.contains(tier)) {
            errors.rejectValue("tier", "customers.error.tier.unknown");
        }
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name == null ? "" : name;
    }

    public String getTier() {
        return tier;
    }

    public void setTier(String tier) {
        this.tier = tier == null ? "" : tier;
    }
}
