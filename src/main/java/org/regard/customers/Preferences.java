package org.regard.customers;

import org.regard.audit.AuditAction;
import org.regard.audit.AuditLog;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Structured preferences: the fields the team defines (key, label, type, active) and each customer's typed
 * value for them. Values are checked against their field's type and stored in one text form; a retired
 * (inactive) field keeps its values but is neither shown nor accepted.
 */
@Service
@Transactional(readOnly = true)
public class Preferences {
    /** What a field key looks like: lower-case letters, digits, - and _, starting with a letter. */
    public static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_-]{0,49}");
    public static final int MAX_LABEL = 200;

    private final PreferenceFieldRepository fields;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog audit;

    Preferences(PreferenceFieldRepository fields, JdbcClient jdbc, Clock clock, AuditLog audit) {
        this.fields = fields;
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    /** A preference field as the team defined it. */
    public record FieldView(long id, String key, String label, PreferenceType type, boolean active) {
    }

    /** One customer's value for one field, in its stored text form. */
    public record Value(String key, String label, PreferenceType type, String text) {
        /** The value as JSON carries it: text, number, date text or boolean. */
        public Object typed() {
            return type.typed(text);
        }
    }

    /** Raised when a value does not fit its field, or names no active field; {@code key} says which. */
    public static class InvalidPreference extends IllegalArgumentException {
        private final String key;
        private final PreferenceType type;

        public InvalidPreference(String key, PreferenceType type, String problem) {
            super(key + " " + problem);
            this.key = key;
            this.type = type;
        }

        public String key() {
            return key;
        }

        /** The field's type; empty when no active field has this key. */
        public Optional<PreferenceType> type() {
            return Optional.ofNullable(type);
        }

        /** The problem without the key in front. */
        public String problem() {
            return getMessage().substring(key.length() + 1);
        }
    }

    /** Raised when a new field's key is already used by another field. */
    public static class KeyTaken extends RuntimeException {
        public KeyTaken(String key) {
            super("Another preference field already has the key " + key + ".");
        }
    }

    public List<FieldView> fields() {
        return fields.findAllOrdered().stream().map(PreferenceField::view).toList();
    }

    public List<FieldView> activeFields() {
        return fields().stream().filter(FieldView::active).toList();
    }

    public Optional<FieldView> field(long id) {
        return fields.findById(id).map(PreferenceField::view);
    }

    /**
     * Defines a new field whose key is derived from its label ({@link #keyFrom}): "Giờ gọi" becomes {@code gio-goi},
     * and {@code gio-goi-2} when that key is taken. The label must already be checked ({@link #MAX_LABEL}).
     */
    @Transactional
    public FieldView define(String label, PreferenceType type) {
        String base = keyFrom(label == null ? "" : label);
        String key = base;
        for (int n = 2; fields.findByKey(key).isPresent(); n++) {
            key = base + "-" + n;
        }
        return define(key, label, type);
    }

    /** A key from a label: accents dropped, lower case, other characters as one dash; at most 45 characters. */
    public static String keyFrom(String label) {
        String folded = java.text.Normalizer.normalize(label.strip().replace("đ", "d").replace("Đ", "D").replace("ß", "ss"),
                java.text.Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(java.util.Locale.ROOT);
        String key = folded.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (key.length() > 45) {
            key = key.substring(0, 45).replaceAll("-+$", "");
        }
        return key.isEmpty() || !Character.isLetter(key.charAt(0)) ? ("field-" + key).replaceAll("-+$", "") : key;
    }

    /** Defines a new field; key and label must already be checked (see {@link #KEY}, {@link #MAX_LABEL}). */
    @Transactional
    public FieldView define(String key, String label, PreferenceType type) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("A key is lower-case letters, digits, - or _, starting with a letter.");
        }
        if (label == null || label.isBlank() || label.strip().length() > MAX_LABEL) {
            throw new IllegalArgumentException("A label is required, at most " + MAX_LABEL + " characters.");
        }
        if (fields.findByKey(key).isPresent()) {
            throw new KeyTaken(key);
        }
        FieldView defined;
        try {
            defined = fields.save(new PreferenceField(key, label, type, clock.instant())).view();
        } catch (DataIntegrityViolationException raced) {
            throw new KeyTaken(key);
        }
        audit.record(AuditAction.SETTINGS_CHANGED, "preference-field", defined.id(),
                "preference field " + key + " (" + type.name().toLowerCase(java.util.Locale.ROOT) + ") defined: " + label.strip());
        return defined;
    }

    /** Renames a field or retires / reinstates it; its key and type never change, so stored values stay valid. */
    @Transactional
    public FieldView change(long id, String label, boolean active) {
        if (label == null || label.isBlank() || label.strip().length() > MAX_LABEL) {
            throw new IllegalArgumentException("A label is required, at most " + MAX_LABEL + " characters.");
        }
        PreferenceField field = fields.findById(id).orElseThrow(() -> new NoSuchElementException("No preference field " + id));
        FieldView before = field.view();
        field.change(label, active);
        FieldView after = fields.save(field).view();
        audit.record(AuditAction.SETTINGS_CHANGED, "preference-field", id, "preference field " + after.key() + ": label "
                + before.label() + " → " + after.label() + ", " + (after.active() ? "active" : "retired"));
        return after;
    }

    /** This customer's values for the active fields, ordered by label. */
    public List<Value> valuesOf(long customerId) {
        return valuesOf(List.of(customerId)).getOrDefault(customerId, List.of());
    }

    /** The values of many customers at once, by customer id (customers without values are left out). */
    public Map<Long, List<Value>> valuesOf(Collection<Long> customerIds) {
        if (customerIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<Value>> values = new HashMap<>();
        jdbc.sql("""
                        select v.customer_id, f.field_key, f.label, f.value_type, v.field_value
                        from customer_preference v join preference_field f on f.id = v.field_id
                        where f.active = true and v.customer_id in (:ids)
                        order by f.label, f.id""")
                .param("ids", customerIds.stream().distinct().toList())
                .query((java.sql.ResultSet rs) -> {
                    values.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Value(rs.getString(2),
                            rs.getString(3), PreferenceType.valueOf(rs.getString(4)), rs.getString(5)));
                });
        return values;
    }

    /** The values as a JSON object: key to typed value. */
    public static Map<String, Object> asObject(List<Value> values) {
        Map<String, Object> object = new LinkedHashMap<>();
        values.forEach(v -> object.put(v.key(), v.typed()));
        return object;
    }

    /**
     * Checks every change before writing any: each key must name an active field and each value fit its
     * type. Returns the normalised changes (null where the value is to be removed).
     *
     * @throws InvalidPreference for the first change that does not fit
     */
    public Map<String, String> check(Map<String, ?> changes) {
        Map<String, FieldView> active = new HashMap<>();
        activeFields().forEach(f -> active.put(f.key(), f));
        Map<String, String> normalized = new LinkedHashMap<>();
        changes.forEach((key, raw) -> {
            FieldView field = active.get(key);
            if (field == null) {
                throw new InvalidPreference(key, null, "is not an active preference field");
            }
            if (raw == null || raw instanceof String s && s.isBlank()) {
                normalized.put(key, null);
                return;
            }
            try {
                normalized.put(key, field.type().normalize(raw));
            } catch (IllegalArgumentException e) {
                throw new InvalidPreference(key, field.type(), e.getMessage());
            }
        });
        return normalized;
    }

    /**
     * Merges changes into this customer's values: keys left out keep their value, null (or blank) removes
     * one. Nothing is written when any change does not fit.
     */
    @Transactional
    public List<Value> change(long customerId, Map<String, ?> changes) {
        Map<String, String> checked = check(changes);
        Map<String, Long> ids = new HashMap<>();
        fields.findAll().forEach(f -> ids.put(f.view().key(), f.view().id()));
        checked.forEach((key, text) -> {
            long fieldId = ids.get(key);
            jdbc.sql("delete from customer_preference where customer_id = ? and field_id = ?").params(customerId, fieldId).update();
            if (text != null) {
                jdbc.sql("insert into customer_preference (customer_id, field_id, field_value) values (?, ?, ?)")
                        .params(customerId, fieldId, text).update();
            }
        });
        return valuesOf(customerId);
    }

    /**
     * Moves the values of a merged customer to the survivor; where both have a value for a field the
     * survivor's stays. Returns the keys of the values moved.
     */
    @Transactional
    public List<String> moveValues(long fromCustomerId, long toCustomerId) {
        List<String> moved = jdbc.sql("""
                        select f.field_key from customer_preference v join preference_field f on f.id = v.field_id
                        where v.customer_id = ? and not exists (select 1 from customer_preference s
                              where s.customer_id = ? and s.field_id = v.field_id) order by f.field_key""")
                .params(fromCustomerId, toCustomerId).query(String.class).list();
        jdbc.sql("""
                        update customer_preference set customer_id = ? where customer_id = ? and field_id not in
                        (select s.field_id from customer_preference s where s.customer_id = ?)""")
                .params(toCustomerId, fromCustomerId, toCustomerId).update();
        jdbc.sql("delete from customer_preference where customer_id = ?").param(fromCustomerId).update();
        return moved;
    }
}
