package org.regard.customers;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

import java.time.Instant;

/** A preference the team keeps about every customer, such as "newsletter" (yes-no) or "contract end" (date). */
@Table("preference_field")
class PreferenceField {
    @Id
    private Long id;
    private String fieldKey;
    private String label;
    private PreferenceType valueType;
    private boolean active;
    private Instant createdAt;

    PreferenceField() {
    }

    PreferenceField(String fieldKey, String label, PreferenceType valueType, Instant createdAt) {
        this.fieldKey = fieldKey;
        this.label = label.strip();
        this.valueType = valueType;
        this.active = true;
        this.createdAt = createdAt;
    }

    void change(String newLabel, boolean nowActive) {
        this.label = newLabel.strip();
        this.active = nowActive;
    }

    Preferences.FieldView view() {
        return new Preferences.FieldView(id, fieldKey, label, valueType, active);
    }
}
