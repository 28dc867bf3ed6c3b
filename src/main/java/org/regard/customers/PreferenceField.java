package org.regard.customers;

import org.regard.text.LocalNames;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

import java.time.Instant;
import java.util.List;

/**
 * A preference the team keeps about every customer, such as "newsletter" (yes-no), "contract end" (date) or "best
 * time to call" (a choice of options). Its label may be given once more per page language ({@code labels}, see
 * {@link LocalNames}); a choice field keeps its options one a line ({@code options}).
 */
@Table("preference_field")
class PreferenceField {
    @Id
    private Long id;
    private String fieldKey;
    private String label;
    private String labels;
    private PreferenceType valueType;
    private String options;
    private boolean active;
    private Instant createdAt;

    PreferenceField() {
    }

    PreferenceField(String fieldKey, LocalNames names, PreferenceType valueType, List<String> options, Instant createdAt) {
        this.fieldKey = fieldKey;
        this.label = names.base().strip();
        this.labels = names.encoded();
        this.valueType = valueType;
        this.options = PreferenceOptions.encode(options);
        this.active = true;
        this.createdAt = createdAt;
    }

    void change(LocalNames names, List<String> newOptions, boolean nowActive) {
        this.label = names.base().strip();
        this.labels = names.encoded();
        this.options = PreferenceOptions.encode(newOptions);
        this.active = nowActive;
    }

    Preferences.FieldView view() {
        return new Preferences.FieldView(id, fieldKey, label, valueType, active, LocalNames.decode(label, labels),
                PreferenceOptions.decode(options));
    }
}
