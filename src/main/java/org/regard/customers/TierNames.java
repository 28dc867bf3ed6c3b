package org.regard.customers;

import org.regard.audit.AuditAction;
import org.regard.audit.AuditLog;
import org.regard.text.LocalNames;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the service tiers are called. The tiers themselves are configured ({@code regard.tiers}: their keys and order);
 * an administrator names each in the page languages, and pages show the agent's language, falling back to the key.
 * Audited: {@code SETTINGS_CHANGED} on the tier.
 */
@Service
@Transactional(readOnly = true)
public class TierNames {
    /** The longest name a tier may have, in any language. */
    public static final int MAX_NAME = 100;

    private final TierSettings settings;
    private final JdbcClient jdbc;
    private final AuditLog audit;

    TierNames(TierSettings settings, JdbcClient jdbc, AuditLog audit) {
        this.settings = settings;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** A tier: its configured key, and its names (the key is the base name). */
    public record TierView(String key, LocalNames names) {
        /** The name in the reader's language, else the key. */
        public String name() {
            return names.current();
        }
    }

    /** Whether a tier with this key is configured (no statement). */
    public boolean isConfigured(String key) {
        return settings.isKnown(key);
    }

    /** Every configured tier in its configured order, with its names; one statement. */
    public List<TierView> all() {
        Map<String, String> stored = stored();
        return settings.tiers().stream().map(key -> new TierView(key, LocalNames.decode(key, stored.get(key)))).toList();
    }

    /** Every configured tier's name in the reader's language, by key; one statement. */
    public Map<String, String> current() {
        Map<String, String> names = new LinkedHashMap<>();
        all().forEach(t -> names.put(t.key(), t.name()));
        return names;
    }

    /**
     * Gives the tier exactly these names (language to name; a blank or left-out language shows the key).
     *
     * @throws Customers.UnknownTier when no tier is configured with this key
     * @throws LocalNames.Invalid naming the language whose name cannot be kept
     */
    @Transactional
    public TierView rename(String key, Map<String, String> translations) {
        if (!settings.isKnown(key)) {
            throw new Customers.UnknownTier(key);
        }
        LocalNames.check(translations, MAX_NAME);
        LocalNames before = LocalNames.decode(key, jdbc.sql("select names from tier_name where tier = ?").param(key)
                .query(String.class).optional().orElse(null));
        LocalNames after = new LocalNames(key, translations);
        if (before.equals(after)) {
            return new TierView(key, after);
        }
        if (after.encoded() == null) {
            jdbc.sql("delete from tier_name where tier = ?").param(key).update();
        } else if (update(key, after) == 0
                && jdbc.sql("insert into tier_name (tier, names) values (?, ?) on conflict do nothing")
                        .param(key).param(after.encoded()).update() == 0) {
            // another administrator named the tier a moment ago: the last one to save wins, as with an update
            update(key, after);
        }
        audit.record(AuditAction.SETTINGS_CHANGED, "tier", key, "tier " + key + ": names: " + before.changesTo(after));
        return new TierView(key, after);
    }

    private int update(String key, LocalNames names) {
        return jdbc.sql("update tier_name set names = ? where tier = ?").param(names.encoded()).param(key).update();
    }

    private Map<String, String> stored() {
        Map<String, String> stored = new HashMap<>();
        jdbc.sql("select tier, names from tier_name").query((ResultSet rs) -> {
            stored.put(rs.getString(1), rs.getString(2));
        });
        return stored;
    }
}
