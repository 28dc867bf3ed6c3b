package org.regard.customers.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.regard.customers.Customers;
import org.regard.customers.Merges;
import org.regard.customers.Preferences;
import org.regard.customers.api.CustomerResources.CustomerResource;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Duplicate suggestions and merging over HTTP. Any signed-in agent reads suggestions; only who may change both
 * customers merges ({@link org.regard.customers.MergeAccess}, else 403); every merge is recorded.
 */
@RestController
@RequestMapping(path = "/api/v1/customers/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Customers", description = "The people the team serves")
class MergeApi {
    private final Customers customers;
    private final Merges merges;
    private final Preferences preferences;
    private final org.regard.customers.CustomerAccess access;

    MergeApi(Customers customers, Merges merges, Preferences preferences, org.regard.customers.CustomerAccess access) {
        this.access = access;
        this.customers = customers;
        this.merges = merges;
        this.preferences = preferences;
    }

    @Schema(name = "MergeRequest")
    record MergeRequest(@NotNull @Schema(description = "The customer to merge into this one; it is removed") Long duplicateId) {
    }

    @Schema(name = "Merge", description = "A duplicate merged into a customer, and what moved.")
    record MergeResource(long id, long survivorId, long mergedId, String mergedName, List<String> mergedEmails,
                         @Schema(nullable = true) Long agentId, Instant mergedAt, int addresses, int notes,
                         int preferenceValues, int promises, int addressFailures,
                         @Schema(description = "The survivor after the merge") CustomerResource customer) {
    }

    @GetMapping("/duplicates")
    @Operation(operationId = "listDuplicates", summary = "Customers who are probably the same person",
            description = "Same name ignoring case and accents, or same organization and a similar address.")
    List<CustomerResource> duplicates(@PathVariable long id) {
        existing(id);
        return merges.duplicatesOf(id).stream().map(c -> CustomerResource.of(c, preferences.valuesOf(c.id()))).toList();
    }

    @PostMapping(path = "/merge", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "mergeCustomer", summary = "Merge a duplicate into this customer",
            description = "Addresses, notes, preference values, promises, address failures and tickets move to this "
                    + "customer; the duplicate is removed and the merge recorded.")
    MergeResource merge(@PathVariable long id, @Valid @RequestBody MergeRequest request,
                        @AuthenticationPrincipal org.regard.accounts.AgentPrincipal agent) {
        existing(id);
        if (request.duplicateId() == id) {
            throw new CustomerRequests.InvalidField("duplicateId", "must be another customer");
        }
        if (customers.customer(request.duplicateId()).isEmpty()) {
            throw new CustomerRequests.InvalidField("duplicateId", "names no customer");
        }
        Merges.MergeView m = merges.merge(id, request.duplicateId(), access.actor(agent), agent.displayName());
        Customers.CustomerView survivor = existing(id);
        return new MergeResource(m.id(), m.survivorId(), m.mergedId(), m.mergedName(), m.mergedEmails(), m.agentId(),
                m.mergedAt(), m.addresses(), m.notes(), m.preferenceValues(), m.promises(), m.addressFailures(),
                CustomerResource.of(survivor, preferences.valuesOf(id)));
    }

    private Customers.CustomerView existing(long id) {
        return customers.customer(id).orElseThrow(() -> new NoSuchElementException("Customer " + id + " does not exist."));
    }
}
