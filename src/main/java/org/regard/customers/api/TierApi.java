package org.regard.customers.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.regard.customers.TierNames;
import org.regard.customers.TierNames.TierView;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Service tiers over HTTP, for administrators only (the API security chain refuses agents and leads with 403). The
 * tiers and their order are configured ({@code regard.tiers}); here an administrator names them in each page language.
 */
@RestController
@RequestMapping(path = "/api/v1/tiers", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Administration", description = "Agents, teams, categories and the audit log (administrators only)")
class TierApi {
    static final String NAMES = "The tier's name in each page language an admin gave one for (en, fr, de, vi); pages "
            + "show the agent's language and fall back to the key.";

    private final TierNames tiers;

    TierApi(TierNames tiers) {
        this.tiers = tiers;
    }

    @Schema(name = "Tier")
    record TierResource(@Schema(description = "The configured key, which customers and organizations carry as their tier",
                                example = "priority") String key,
                        @Schema(description = NAMES, example = "{\"fr\": \"Prioritaire\", \"de\": \"Vorrang\"}") Map<String, String> names) {
        static TierResource of(TierView t) {
            return new TierResource(t.key(), t.names().byLanguage());
        }
    }

    @Schema(name = "TierChanges")
    record TierChanges(@NotNull @Schema(description = NAMES + " Replaces them all: a language left out or blank loses its name.")
                       Map<String, String> names) {
    }

    @GetMapping
    @Operation(operationId = "listTiers", summary = "List the service tiers (administrators only)",
            description = "In their configured order, the default first.")
    List<TierResource> list() {
        return tiers.all().stream().map(TierResource::of).toList();
    }

    @GetMapping("/{key}")
    @Operation(operationId = "getTier", summary = "Read a service tier (administrators only)")
    TierResource tier(@PathVariable String key) {
        return TierResource.of(existing(key));
    }

    @PatchMapping(path = "/{key}", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
    @Operation(operationId = "changeTier", summary = "Name a service tier in the page languages (administrators only)")
    @ApiResponse(responseCode = "200", description = "The tier with its new names")
    TierResource change(@PathVariable String key, @Valid @RequestBody TierChanges changes) {
        if (!tiers.isConfigured(key)) {
            throw new NoSuchElementException("No tier " + key + " is configured.");
        }
        return TierResource.of(tiers.rename(key, changes.names()));
    }

    private TierView existing(String key) {
        return tiers.all().stream().filter(t -> t.key().equals(key)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("No tier " + key + " is configured."));
    }
}
