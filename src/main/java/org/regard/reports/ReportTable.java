package org.regard.reports;

import org.regard.accounts.AgentPrincipal;

import java.util.ArrayList;
import java.util.List;

/**
 * A report as a table: the columns (keys, which the page names from its bundles) and rows of plain values. The page's
 * table, its chart and the CSV download are all made from this one table, so they cannot disagree.
 */
public record ReportTable(String report, List<String> columns, List<List<Object>> rows) {

    /** The report {@code name} ({@link Reports#NAMES}) as a table. */
    public static ReportTable of(String name, Reports reports, ReportFilter filter, AgentPrincipal agent) {
        List<List<Object>> rows = new ArrayList<>();
        return switch (name) {
            case "touches" -> {
                for (Reports.CategoryTouches c : reports.touches(filter, agent)) {
                    for (Reports.TouchBar b : c.bars()) {
                        if (b.resolutions() > 0) {
                            rows.add(List.of(c.categoryId(), c.category() == null ? "" : c.category(), b.touches(),
                                    b.resolutions(), c.expected() == null ? "" : c.expected(), c.alarm() == null ? "" : c.alarm()));
                        }
                    }
                }
                yield new ReportTable(name, List.of("categoryId", "category", "touches", "resolutions", "expected", "alarm"), rows);
            }
            case "outcomes" -> {
                for (Reports.Outcome o : reports.outcomes(filter, agent)) {
                    rows.add(List.of(o.teamId(), o.team() == null ? "" : o.team(), o.resolutions(), o.settled(), o.resolvedForGood(),
                            o.firstContact(), o.noReply(), o.reopenedWithin(), o.reopenedLater(), pct(o.resolvedForGoodRate()),
                            pct(o.firstContactRate()), pct(o.noReplyRate()), pct(o.reopenRate())));
                }
                yield new ReportTable(name, List.of("teamId", "team", "resolutions", "settled", "resolvedForGood", "firstContact",
                        "noReply", "reopenedWithin", "reopenedLater", "resolvedForGoodRate", "firstContactRate", "noReplyRate",
                        "reopenRate"), rows);
            }
            case "reopens" -> {
                for (Reports.ReopenDay d : reports.reopens(filter, agent)) {
                    rows.add(List.of(d.day().toString(), d.resolutions(), d.reopened(), pct(d.reopenRate())));
                }
                yield new ReportTable(name, List.of("day", "resolutions", "reopened", "reopenRate"), rows);
            }
            case "backlog" -> {
                for (Reports.BacklogBucket b : reports.backlog(filter, agent)) {
                    rows.add(List.of(b.bucket(), b.open()));
                }
                yield new ReportTable(name, List.of("age", "open"), rows);
            }
            case "volume" -> {
                for (Reports.VolumeCell v : reports.volume(filter, agent)) {
                    rows.add(List.of(v.channel(), v.language(), v.opened()));
                }
                yield new ReportTable(name, List.of("channel", "language", "opened"), rows);
            }
            case "flags" -> {
                for (Reports.FlagDay f : reports.flags(filter, agent)) {
                    rows.add(List.of(f.day().toString(), f.reason(), f.rootCause(), f.flags()));
                }
                yield new ReportTable(name, List.of("day", "reason", "rootCause", "flags"), rows);
            }
            case "purchases" -> purchases(reports.purchases(filter, agent));
            case "top-purchases" -> topPurchases(reports.purchases(filter, agent));
            case "satisfaction" -> {
                for (Reports.Satisfaction r : reports.satisfaction(filter, agent)) {
                    rows.add(List.of(r.dimension(), r.key(), r.name(), r.ratings(), r.good(), r.okay(), r.bad(), pct(r.goodShare()),
                            pct(r.okayShare()), pct(r.badShare()), r.settled(), r.resolvedForGood(), pct(r.resolvedForGoodRate())));
                }
                yield new ReportTable(name, List.of("dimension", "key", "name", "ratings", "good", "okay", "bad", "goodShare",
                        "okayShare", "badShare", "settled", "resolvedForGood", "resolvedForGoodRate"), rows);
            }
            default -> throw new IllegalArgumentException("no report " + name);
        };
    }

    /** Touches per purchase as a table: one row per touch count some purchase or ticket took. */
    public static ReportTable purchases(Reports.PurchaseReport report) {
        List<List<Object>> rows = new ArrayList<>();
        for (Reports.PurchaseBar b : report.bars()) {
            if (b.purchases() > 0 || b.tickets() > 0) {
                rows.add(List.of(b.touches(), b.purchases(), b.tickets()));
            }
        }
        return new ReportTable("purchases", List.of("touches", "purchases", "tickets"), rows);
    }

    /** The purchases with the most touches as a table. */
    public static ReportTable topPurchases(Reports.PurchaseReport report) {
        List<List<Object>> rows = new ArrayList<>();
        for (Reports.Purchase p : report.top()) {
            rows.add(List.of(p.purchaseRef(), p.tickets(), p.touches()));
        }
        return new ReportTable("top-purchases", List.of("purchaseRef", "tickets", "touches"), rows);
    }

    private static Object pct(Double value) {
        return value == null ? "" : value;
    }

    /**
     * The table as CSV (RFC 4180, CRLF): values with a comma, quote or line break are quoted; a text value that a
     * spreadsheet would take for a formula (starting with = + - @) is prefixed with an apostrophe.
     */
    public String csv() {
        StringBuilder out = new StringBuilder();
        line(out, new ArrayList<>(columns));
        rows.forEach(r -> line(out, r));
        return out.toString();
    }

    private static void line(StringBuilder out, List<?> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            Object v = values.get(i);
            String s = String.valueOf(v);
            if (v instanceof String && !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0) {
                s = "'" + s;
            }
            if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
                s = '"' + s.replace("\"", "\"\"") + '"';
            }
            out.append(s);
        }
        out.append("\r\n");
    }
}
