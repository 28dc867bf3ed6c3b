package org.regard.customers;

import org.regard.audit.AuditAction;
import org.regard.audit.AuditLog;
import org.regard.text.LocalNames;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.text.Collator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
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
 * <p>
 * A field's label may be given once more per page language and is shown in the reader's language
 * ({@link LocalNames}); a choice field lists its options ({@link PreferenceOptions}). When the admin later removes an
 * option, the values customers already have stay stored and shown, and sending such a value back unchanged is
 * accepted, so saving a customer's form does not lose it.
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

    /**
     * A preference field as the team defined it: {@code label} is the base label, {@code names} adds the label per
     * page language, {@code options} are a choice field's options (empty for the other types).
     */
    public record FieldView(long id, String key, String label, PreferenceType type, boolean active, LocalNames names,
                            List<String> options) {
        /** The label in the reader's language (the base label when none was given for it). */
        public String shownLabel() {
            return names.current();
        }

        /**
         * The option this text names, whatever its case; null when it names none (a value whose option was removed
         * since, or no value).
         */
        public String optionFor(String text) {
            return text == null || text.isBlank() ? null : PreferenceOptions.match(options, text).orElse(null);
        }

        /** The options one a line, as the admin page edits them. */
        public String optionLines() {
            return String.join("\n", options);
        }
    }

    /** One customer's value for one field, in its stored text form. */
    public record Value(String key, LocalNames names, PreferenceType type, String text) {
        /** The field's label in the reader's language. */
        public String label() {
            return names.current();
        }

        /** The value as JSON carries it: text, number, date text, boolean, or a choice's option. */
        public Object typed() {
            return type.typed(text);
        }
    }

    /**
     * Raised when a field's definition cannot be kept; {@code field} names what is wrong as the API calls it
     * ({@code label}, {@code labels.fr}, {@code options}, {@code key}).
     */
    public static class InvalidDefinition extends IllegalArgumentException {
        private final String field;

        public InvalidDefinition(String field, String problem) {
            super(problem);
            this.field = field;
        }

        public String field() {
            return field;
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

    /** Every field, ordered by its label in the reader's language. */
    public List<FieldView> fields() {
        Comparator<String> byLabel = byLabel();
        return fields.findAllOrdered().stream().map(PreferenceField::view)
                .sorted(Comparator.comparing(FieldView::shownLabel, byLabel).thenComparing(FieldView::id)).toList();
    }

    /** Labels in the order the reader's language sorts them (accents after their letter, case ignored). */
    private static Comparator<String> byLabel() {
        Collator collator = Collator.getInstance(LocaleContextHolder.getLocale());
        collator.setStrength(Collator.SECONDARY);
        return collator::compare;
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
        return define(null, label, type, null, null);
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
        if (key == null) {
            throw new InvalidDefinition("key", "A key is lower-case letters, digits, - or _, starting with a letter.");
        }
        return define(key, label, type, null, null);
    }

    /**
     * Defines a new field with its labels per language (language to label; blank ones are left out) and, for a
     * choice, its options. A null key is derived from the label (see {@link #define(String, PreferenceType)}).
     *
     * @throws InvalidDefinition naming what cannot be kept (nothing is written then)
     * @throws KeyTaken when the key given is already used
     */
    @Transactional
    public FieldView define(String key, String label, PreferenceType type, Map<String, String> labels, List<String> options) {
        if (key != null && !KEY.matcher(key).matches()) {
            throw new InvalidDefinition("key", "A key is lower-case letters, digits, - or _, starting with a letter.");
        }
        checkLabel(label);
        LocalNames names = names(label, labels);
        List<String> kept = options(type, options);
        String fieldKey = key;
        if (key == null) {
            String base = keyFrom(label);
            fieldKey = base;
            for (int n = 2; fields.findByKey(fieldKey).isPresent(); n++) {
                fieldKey = base + "-" + n;
            }
        } else if (fields.findByKey(key).isPresent()) {
            throw new KeyTaken(key);
        }
        FieldView defined;
        try {
            defined = fields.save(new PreferenceField(fieldKey, names, type, kept, clock.instant())).view();
        } catch (DataIntegrityViolationException raced) {
            throw new KeyTaken(fieldKey);
        }
        StringBuilder details = new StringBuilder("preference field " + fieldKey + " (" + type.value() + ") defined: " + names.base());
        if (!names.byLanguage().isEmpty()) {
            details.append("; labels ").append(LocalNames.of(names.base()).changesTo(names));
        }
        if (!kept.isEmpty()) {
            details.append("; options: ").append(String.join(", ", kept));
        }
        audit.record(AuditAction.SETTINGS_CHANGED, "preference-field", defined.id(), details.toString());
        return defined;
    }

    /** Renames a field or retires / reinstates it; its key and type never change, so stored values stay valid. */
    @Transactional
    public FieldView change(long id, String label, boolean active) {
        return change(id, label, null, null, active);
    }

    /**
     * Renames a field, replaces its labels per language and (for a choice) its options, retires or reinstates it.
     * Labels or options left null stay as they are. Its key and type never change; values of an option removed stay
     * stored.
     *
     * @throws InvalidDefinition naming what cannot be kept (nothing is written then)
     */
    @Transactional
    public FieldView change(long id, String label, Map<String, String> labels, List<String> options, boolean active) {
        checkLabel(label);
        PreferenceField field = fields.findById(id).orElseThrow(() -> new NoSuchElementException("No preference field " + id));
        FieldView before = field.view();
        LocalNames names = labels == null ? before.names().withBase(label.strip()) : names(label, labels);
        List<String> kept = options == null ? before.options() : options(before.type(), options);
        field.change(names, kept, active);
        FieldView after = fields.save(field).view();
        StringBuilder details = new StringBuilder("preference field " + after.key() + ": label " + before.label() + " → "
                + after.label() + ", " + (after.active() ? "active" : "retired"));
        String labelChanges = before.names().changesTo(after.names());
        if (!labelChanges.isEmpty()) {
            details.append("; labels ").append(labelChanges);
        }
        if (!before.options().equals(after.options())) {
            details.append("; options ").append(String.join(", ", before.options())).append(" → ")
                    .append(String.join(", ", after.options()));
        }
        audit.record(AuditAction.SETTINGS_CHANGED, "preference-field", id, details.toString());
        return after;
    }

    private static void checkLabel(String label) {
        if (label == null || label.isBlank()) {
            throw new InvalidDefinition("label", "must not be blank");
        }
        if (label.strip().length() > MAX_LABEL) {
            throw new InvalidDefinition("label", "must be at most " + MAX_LABEL + " characters");
        }
    }

    /** The labels per language, checked: an unknown language or a label too long names {@code labels.<language>}. */
    private static LocalNames names(String label, Map<String, String> labels) {
        try {
            LocalNames.check(labels, MAX_LABEL, "labels");
        } catch (LocalNames.Invalid invalid) {
            throw new InvalidDefinition(invalid.field(), invalid.problem());
        }
        return new LocalNames(label.strip(), labels);
    }

    /** The options a field of this type keeps: checked and stripped for a choice, none for the other types. */
    private static List<String> options(PreferenceType type, List<String> options) {
        if (type != PreferenceType.CHOICE) {
            if (options != null && !options.isEmpty()) {
                throw new InvalidDefinition("options", "are only for fields of type choice");
            }
            return List.of();
        }
        List<String> stripped = options == null ? null : PreferenceOptions.stripped(options);
        PreferenceOptions.problem(stripped).ifPresent(p -> {
            throw new InvalidDefinition("options", p.message());
        });
        return stripped;
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
                        select v.customer_id, f.field_key, f.label, f.labels, f.value_type, v.field_value
                        from customer_preference v join preference_field f on f.id = v.field_id
                        where f.active = true and v.customer_id in (:ids)
                        order by f.label, f.id""")
                .param("ids", customerIds.stream().distinct().toList())
                .query((java.sql.ResultSet rs) -> {
                    values.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Value(rs.getString(2),
                            LocalNames.decode(rs.getString(3), rs.getString(4)), PreferenceType.valueOf(rs.getString(5)),
                            rs.getString(6)));
                });
        // in the order of the labels the reader sees
        Comparator<String> byLabel = byLabel();
        values.values().forEach(list -> list.sort(Comparator.comparing(Value::label, byLabel).thenComparing(Value::key)));
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
        return check(null, changes);
    }

    /**
     * Checks changes to this customer's values (null: a customer not yet created). A choice the customer already has
     * is accepted unchanged even when the option was removed since, so a form sent back as shown loses nothing.
     *
     * @throws InvalidPreference for the first change that does not fit
     */
    public Map<String, String> check(Long customerId, Map<String, ?> changes) {
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
                normalized.put(key, field.type().normalize(raw, field.options()));
            } catch (IllegalArgumentException e) {
                Optional<String> kept = field.type() == PreferenceType.CHOICE && customerId != null && raw instanceof String s
                        ? storedValue(customerId, field.id()).filter(v -> PreferenceOptions.fold(v).equals(PreferenceOptions.fold(s)))
                        : Optional.empty();
                if (kept.isEmpty()) {
                    throw new InvalidPreference(key, field.type(), e.getMessage());
                }
                normalized.put(key, kept.get());
            }
        });
        return normalized;
    }

    private Optional<String> storedValue(long customerId, long fieldId) {
        return jdbc.sql("select field_value from customer_preference where customer_id = ? and field_id = ?")
                .params(customerId, fieldId).query(String.class).optional();
    }

    /**
     * Merges changes into this customer's values: keys left out keep their value, null (or blank) removes
     * one. Nothing is written when any change does not fit.
     */
    @Transactional
    public List<Value> change(long customerId, Map<String, ?> changes) {
        Map<String, String> checked = check(customerId, changes);
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
