package org.regard.ratings;

import org.regard.accounts.Actor;
import org.regard.accounts.TeamAccess;
import org.regard.audit.AuditAction;
import org.regard.audit.AuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A team's rating requests: on (the default) or off, and a delay after the resolution in hours (0 to 720: 30 days).
 * Read and changed by the team's leads and administrators.
 */
@Service
public class RatingSettings {
    public static final int MAX_DELAY_HOURS = 720;

    /** One team's choice. */
    public record Setting(long teamId, boolean enabled, int delayMinutes) {
        public int delayHours() {
            return delayMinutes / 60;
        }
    }

    private final RatingStore store;
    private final TeamAccess teams;
    private final AuditLog audit;

    RatingSettings(RatingStore store, TeamAccess teams, AuditLog audit) {
        this.store = store;
        this.teams = teams;
        this.audit = audit;
    }

    public Setting of(long teamId, Actor actor) {
        require(teamId, actor);
        return store.setting(teamId).orElse(new Setting(teamId, true, 0));
    }

    @Transactional
    public Setting change(long teamId, boolean enabled, Integer delayHours, Actor actor) {
        require(teamId, actor);
        if (delayHours == null || delayHours < 0 || delayHours > MAX_DELAY_HOURS) {
            throw new RatingInvalid("delayHours", "ratings.error.delay", "The delay must be between 0 and "
                    + MAX_DELAY_HOURS + " hours.");
        }
        Setting setting = new Setting(teamId, enabled, delayHours * 60);
        store.saveSetting(setting);
        audit.record(AuditAction.SETTINGS_CHANGED, "rating_setting", teamId,
                "enabled=" + enabled + ", delayHours=" + delayHours);
        return setting;
    }

    /** The teams whose setting the actor may change (every team for an administrator), with their settings. */
    public java.util.List<Setting> led(Actor actor) {
        return teams.teamsLedBy(actor).stream().sorted()
                .map(id -> store.setting(id).orElse(new Setting(id, true, 0))).toList();
    }

    private void require(long teamId, Actor actor) {
        if (!teams.canLead(actor, teamId)) {
            throw new RatingForbidden("Only the team's leads and administrators change its rating requests.");
        }
    }
}
