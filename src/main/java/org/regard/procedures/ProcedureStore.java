package org.regard.procedures;

import org.regard.procedures.Procedures.ProcedureSummary;
import org.regard.procedures.Procedures.VersionStamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The procedures' tables: versions are inserted whole and never updated; the procedure row says which is current. */
@Repository
class ProcedureStore {
    private final JdbcClient jdbc;

    ProcedureStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The row of a procedure: its team, current version, the number of the next step key, when and by whom it was retired. */
    record Head(long id, long teamId, int currentVersion, int nextStepKey, Instant retiredAt, Long retiredBy) {
        boolean retired() {
            return retiredAt != null;
        }
    }

    Optional<Head> head(long id) {
        return jdbc.sql("select id, team_id, current_version, next_step_key, retired_at, retired_by from team_procedure where id = ?")
                .param(id).query((rs, n) -> new Head(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getInt(4),
                        nullableInstant(rs, 5), rs.getObject(6, Long.class))).optional();
    }

    /** Retires the procedure unless it was already; frees its categories. False when it was retired already. */
    boolean retire(long id, Instant now, Long by) {
        if (jdbc.sql("update team_procedure set retired_at = ?, retired_by = ? where id = ? and retired_at is null")
                .params(Timestamp.from(now), by, id).update() != 1) {
            return false;
        }
        jdbc.sql("delete from procedure_category where procedure_id = ?").param(id).update();
        return true;
    }

    List<VersionStamp> stamps(long id) {
        return jdbc.sql("select version_no, published_at, published_by from procedure_version where procedure_id = ? order by version_no")
                .param(id).query((rs, n) -> new VersionStamp(rs.getInt(1), instant(rs, 2), rs.getObject(3, Long.class))).list();
    }

    Optional<ProcedureVersion> version(long id, long teamId, int number) {
        record Row(String source, ClosureGate gate, List<Long> categories, Instant at, Long by) {
        }
        Optional<Row> row = jdbc.sql("""
                        select source_language, closure_gate, category_ids, published_at, published_by
                        from procedure_version where procedure_id = ? and version_no = ?""")
                .params(id, number)
                .query((rs, n) -> new Row(rs.getString(1), ClosureGate.valueOf(rs.getString(2)), ids(rs.getString(3)),
                        instant(rs, 4), rs.getObject(5, Long.class))).optional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> titles = new TreeMap<>();
        Map<String, String> when = new TreeMap<>();
        jdbc.sql("select language, title, applies_when from procedure_text where procedure_id = ? and version_no = ?")
                .params(id, number).query((ResultSet rs) -> {
                    titles.put(rs.getString(1), rs.getString(2));
                    if (!rs.getString(3).isEmpty()) {
                        when.put(rs.getString(1), rs.getString(3));
                    }
                });
        record StepRow(int no, String key, boolean required, boolean after, Long template, String type, boolean purchaseRef) {
        }
        List<StepRow> stepRows = jdbc.sql("""
                        select step_no, step_key, mandatory, after_previous, template_id, field_type, purchase_ref
                        from procedure_step where procedure_id = ? and version_no = ? order by step_no""")
                .params(id, number)
                .query((rs, n) -> new StepRow(rs.getInt(1), rs.getString(2), rs.getBoolean(3), rs.getBoolean(4),
                        rs.getObject(5, Long.class), rs.getString(6), rs.getBoolean(7))).list();
        Map<Integer, Map<String, String>> texts = new TreeMap<>();
        Map<Integer, Map<String, String>> labels = new TreeMap<>();
        jdbc.sql("select step_no, language, body, field_label from procedure_step_text where procedure_id = ? and version_no = ?")
                .params(id, number).query((ResultSet rs) -> {
                    int no = rs.getInt(1);
                    if (!rs.getString(3).isEmpty()) {
                        texts.computeIfAbsent(no, k -> new TreeMap<>()).put(rs.getString(2), rs.getString(3));
                    }
                    if (rs.getString(4) != null) {
                        labels.computeIfAbsent(no, k -> new TreeMap<>()).put(rs.getString(2), rs.getString(4));
                    }
                });
        List<ProcedureVersion.Step> steps = stepRows.stream().map(s -> new ProcedureVersion.Step(s.no(), s.key(),
                Map.copyOf(texts.getOrDefault(s.no(), Map.of())), s.required(), s.after(), s.template(),
                s.type() == null ? null : FieldType.valueOf(s.type()), Map.copyOf(labels.getOrDefault(s.no(), Map.of())),
                s.purchaseRef())).toList();
        Row r = row.get();
        return Optional.of(new ProcedureVersion(id, teamId, number, r.at(), r.by(), r.source(), r.gate(), r.categories(),
                Map.copyOf(titles), Map.copyOf(when), steps));
    }

    /** Every procedure with its current version's facts and titles: one statement. */
    List<ProcedureSummary> summaries() {
        record Row(long id, long team, List<Long> categories, int version, Instant at, String source, Instant retired) {
        }
        Map<Long, Row> rows = new LinkedHashMap<>();
        Map<Long, Map<String, String>> titles = new LinkedHashMap<>();
        jdbc.sql("""
                select p.id, p.team_id, v.category_ids, v.version_no, v.published_at, v.source_language, t.language, t.title,
                       p.retired_at
                from team_procedure p
                join procedure_version v on v.procedure_id = p.id and v.version_no = p.current_version
                join procedure_text t on t.procedure_id = p.id and t.version_no = p.current_version
                order by v.published_at desc, p.id desc""").query((ResultSet rs) -> {
            long id = rs.getLong(1);
            rows.computeIfAbsent(id, k -> {
                try {
                    return new Row(id, rs.getLong(2), ids(rs.getString(3)), rs.getInt(4), instant(rs, 5), rs.getString(6),
                            nullableInstant(rs, 9));
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            titles.computeIfAbsent(id, k -> new TreeMap<>()).put(rs.getString(7), rs.getString(8));
        });
        return rows.values().stream().map(r -> new ProcedureSummary(r.id(), r.team(), r.categories(), r.version(), r.at(),
                r.source(), Map.copyOf(titles.get(r.id())), r.retired())).toList();
    }

    /** Which of these categories already have a procedure of this team other than {@code procedureId}: category to procedure. */
    Map<Long, Long> holders(long teamId, Collection<Long> categoryIds, Long procedureId) {
        Map<Long, Long> held = new LinkedHashMap<>();
        jdbc.sql("select category_id, procedure_id from procedure_category where team_id = :team and category_id in (:ids)")
                .param("team", teamId).param("ids", List.copyOf(categoryIds))
                .query((ResultSet rs) -> {
                    if (procedureId == null || rs.getLong(2) != procedureId) {
                        held.put(rs.getLong(1), rs.getLong(2));
                    }
                });
        return held;
    }

    long insertProcedure(long teamId, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into team_procedure (team_id, current_version, next_step_key, created_at) values (?, 0, 1, ?)")
                .params(teamId, Timestamp.from(now)).update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Makes {@code number} the current version if {@code expected} still is; false when another publish came first. */
    boolean advance(long id, int expected, int number, int nextStepKey) {
        return jdbc.sql("update team_procedure set current_version = ?, next_step_key = ? where id = ? and current_version = ?")
                .params(number, nextStepKey, id, expected).update() == 1;
    }

    void replaceCategories(long id, long teamId, List<Long> categoryIds) {
        jdbc.sql("delete from procedure_category where procedure_id = ?").param(id).update();
        for (Long category : categoryIds) {
            jdbc.sql("insert into procedure_category (procedure_id, team_id, category_id) values (?, ?, ?)")
                    .params(id, teamId, category).update();
        }
    }

    /** A version, as checked and cleaned by {@link PublishingProcedure}; {@code keys} in the steps' order. */
    void insertVersion(long id, int number, ProcedureDraft draft, ClosureGate gate, List<String> keys, Instant now, Long by) {
        jdbc.sql("""
                        insert into procedure_version (procedure_id, version_no, source_language, closure_gate, category_ids,
                                                       published_at, published_by)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, number, draft.sourceLanguage(), gate.name(),
                        String.join(",", draft.categoryIds().stream().map(String::valueOf).toList()), Timestamp.from(now), by)
                .update();
        draft.titles().forEach((language, title) -> jdbc.sql("""
                        insert into procedure_text (procedure_id, version_no, language, title, applies_when) values (?, ?, ?, ?, ?)""")
                .params(id, number, language, title, draft.appliesWhen().getOrDefault(language, "")).update());
        for (int i = 0; i < draft.steps().size(); i++) {
            ProcedureDraft.StepDraft step = draft.steps().get(i);
            int no = i + 1;
            FieldType type = step.fieldType() == null ? null : FieldType.parse(step.fieldType()).orElseThrow();
            jdbc.sql("""
                            insert into procedure_step (procedure_id, version_no, step_no, step_key, mandatory, after_previous,
                                                        template_id, field_type, purchase_ref)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, number, no, keys.get(i), step.required(), step.afterPrevious(), step.templateId(),
                            type == null ? null : type.name(), step.purchaseRef())
                    .update();
            List<String> languages = new ArrayList<>(step.texts().keySet());
            step.fieldLabels().keySet().stream().filter(l -> !languages.contains(l)).forEach(languages::add);
            for (String language : languages) {
                jdbc.sql("""
                                insert into procedure_step_text (procedure_id, version_no, step_no, language, body, field_label)
                                values (?, ?, ?, ?, ?, ?)""")
                        .params(id, number, no, language, step.texts().getOrDefault(language, ""), step.fieldLabels().get(language))
                        .update();
            }
        }
    }

    private static List<Long> ids(String csv) {
        return csv == null || csv.isBlank() ? List.of() : Arrays.stream(csv.split(",")).map(Long::valueOf).toList();
    }

    private static Instant nullableInstant(ResultSet rs, int column) throws java.sql.SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    private static Instant instant(ResultSet rs, int column) throws java.sql.SQLException {
        return rs.getTimestamp(column).toInstant();
    }
}
