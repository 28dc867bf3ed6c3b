package org.regard.reports.web;

import org.regard.accounts.Accounts;
import org.regard.accounts.AgentPrincipal;
import org.regard.accounts.TeamView;
import org.regard.reports.Metrics;
import org.regard.reports.ReportFilter;
import org.regard.reports.ReportForbidden;
import org.regard.reports.ReportInvalid;
import org.regard.reports.ReportTable;
import org.regard.reports.Reports;
import org.regard.tickets.Categories;
import org.regard.tickets.Channel;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Reports area ({@code /reports}) for leads (their teams) and administrators: each report's chart (drawn in the
 * browser by Chart.js from the table beside it), its table, a CSV download and how it is counted. Plain agents get 403.
 */
@Controller
class ReportsController {
    private final Reports reports;
    private final Accounts accounts;
    private final Categories categories;

    ReportsController(Reports reports, Accounts accounts, Categories categories) {
        this.reports = reports;
        this.accounts = accounts;
        this.categories = categories;
    }

    /** A choice of a filter's select. */
    record Option(String value, String name) {
    }

    @GetMapping("/reports")
    String page(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(required = false) String team, @RequestParam(required = false) String category,
                @RequestParam(required = false) String channel, @RequestParam(required = false) String language,
                @AuthenticationPrincipal AgentPrincipal agent, Model model) {
        Set<Long> teams = allowed(agent);
        ReportFilter filter;
        try {
            filter = ReportFilter.parse(from, to, team, category, channel, language, reports.today(agent));
        } catch (ReportInvalid invalid) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, invalid.getMessage());
        }
        Map<String, ReportTable> tables = new LinkedHashMap<>();
        Reports.PurchaseReport purchases;
        try {
            purchases = reports.purchases(filter, agent); // once for its two tables and its means
            for (String name : Reports.NAMES) {
                tables.put(name, switch (name) {
                    case "purchases" -> ReportTable.purchases(purchases);
                    case "top-purchases" -> ReportTable.topPurchases(purchases);
                    default -> ReportTable.of(name, reports, filter, agent);
                });
            }
        } catch (ReportForbidden forbidden) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        List<Option> teamOptions = new ArrayList<>();
        for (TeamView t : accounts.teams()) {
            if (teams.contains(t.id())) {
                teamOptions.add(new Option(String.valueOf(t.id()), t.names().current()));
            }
        }
        List<Option> categoryOptions = new ArrayList<>();
        for (Categories.CategoryView c : categories.all()) {
            categoryOptions.add(new Option(String.valueOf(c.id()), c.names().current()));
        }
        List<Option> languageOptions = new ArrayList<>();
        for (String l : reports.languages()) {
            if (!l.isEmpty()) {
                languageOptions.add(new Option(l, l));
            }
        }
        model.addAttribute("filter", filter);
        model.addAttribute("tables", tables);
        model.addAttribute("teams", teamOptions);
        model.addAttribute("categories", categoryOptions);
        model.addAttribute("channels", List.of(Channel.values()));
        model.addAttribute("languages", languageOptions);
        model.addAttribute("forGoodDays", reports.forGoodDays());
        model.addAttribute("teamZones", reports.zonesOf(filter.teamId() == null ? teams : Set.of(filter.teamId())).entrySet()
                .stream().map(e -> accounts.team(e.getKey()).map(t -> t.names().current()).orElse("#" + e.getKey())
                        + " (" + e.getValue().getId() + ")").sorted().toList());
        model.addAttribute("agentZone", reports.zoneOf(agent).getId());
        model.addAttribute("maxTouches", Metrics.MAX_TOUCHES);
        model.addAttribute("purchaseSummary", purchases);
        model.addAttribute("rootCauses", org.regard.tickets.RootCauses.DEFAULTS);
        model.addAttribute("flagReasons", List.of("ALARM", "BAD_RATING"));
        model.addAttribute("query", query(from, to, team, category, channel, language));
        model.addAttribute("teamParam", team == null ? "" : team);
        model.addAttribute("categoryParam", category == null ? "" : category);
        model.addAttribute("channelParam", channel == null ? "" : channel);
        model.addAttribute("languageParam", language == null ? "" : language);
        return "reports/reports";
    }

    @GetMapping("/reports/{name}.csv")
    ResponseEntity<String> csv(@PathVariable String name, @RequestParam(required = false) String from,
                               @RequestParam(required = false) String to, @RequestParam(required = false) String team,
                               @RequestParam(required = false) String category, @RequestParam(required = false) String channel,
                               @RequestParam(required = false) String language, @AuthenticationPrincipal AgentPrincipal agent) {
        allowed(agent);
        if (!Reports.NAMES.contains(name)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        try {
            ReportTable table = ReportTable.of(name, reports,
                    ReportFilter.parse(from, to, team, category, channel, language, reports.today(agent)), agent);
            return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                    .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"").body(table.csv());
        } catch (ReportInvalid invalid) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, invalid.getMessage());
        } catch (ReportForbidden forbidden) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }

    private Set<Long> allowed(AgentPrincipal agent) {
        try {
            return reports.teamsFor(agent);
        } catch (ReportForbidden forbidden) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }

    private static String query(String... values) {
        String[] names = {"from", "to", "team", "category", "channel", "language"};
        StringBuilder q = new StringBuilder();
        for (int i = 0; i < names.length; i++) {
            if (values[i] != null && !values[i].isBlank()) {
                q.append(q.isEmpty() ? "?" : "&").append(names[i]).append('=')
                        .append(java.net.URLEncoder.encode(values[i].strip(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return q.toString();
    }
}
