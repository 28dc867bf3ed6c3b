package org.regard.customers.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.regard.customers.Customers;
import org.regard.customers.Customers.CustomerView;
import org.regard.customers.Preferences;
import org.regard.customers.api.CustomerRequests.CustomerChangesRequest;
import org.regard.customers.api.CustomerRequests.NewCustomerRequest;
import org.regard.customers.api.CustomerResources.CustomerPage;
import org.regard.customers.api.CustomerResources.CustomerResource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.ETag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Customers over HTTP: find, read, create and change them. Any signed-in agent finds, reads and creates; only who
 * serves a customer changes them ({@link org.regard.customers.CustomerAccess}, else 403).
 */
@RestController
@RequestMapping(path = "/api/v1/customers", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Customers", description = "The people the team serves")
class CustomerApi {
    private static final int MAX_PAGE = 200;

    private final Customers customers;
    private final Preferences preferences;
    private final org.regard.customers.CustomerAccess access;
    private final org.regard.customers.Merges merges;

    CustomerApi(Customers customers, Preferences preferences, org.regard.customers.CustomerAccess access,
                org.regard.customers.Merges merges) {
        this.access = access;
        this.merges = merges;
        this.customers = customers;
        this.preferences = preferences;
    }

    @GetMapping
    @Operation(operationId = "listCustomers", summary = "Find customers", description = "Customers by id, optionally those whose name or address contains q, or who are reached at the number q.")
    CustomerPage list(
            @Parameter(description = "Part of a name or an email address, or a telephone number however it is written (+33 6 12 34 56 78 and 0612345678 find the same customer)") @RequestParam(name = "q", required = false) @Size(max = 200) String q,
            @Parameter(description = "The nextCursor of the previous page") @RequestParam(name = "cursor", required = false) String cursor,
            @Parameter(description = "Rows per page") @RequestParam(name = "limit", defaultValue = "25") @Min(1) @Max(MAX_PAGE) int limit) {
        List<CustomerView> rows = customers.page(q, decode(cursor), limit + 1);
        boolean more = rows.size() > limit;
        List<CustomerView> page = more ? rows.subList(0, limit) : rows;
        Map<Long, List<Preferences.Value>> values = preferences.valuesOf(page.stream().map(CustomerView::id).toList());
        return new CustomerPage(page.stream().map(c -> CustomerResource.of(c, values.getOrDefault(c.id(), List.of()))).toList(),
                more ? encode(page.getLast().id()) : null);
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getCustomer", summary = "Read a customer", description = "The ETag header carries the customer's version.")
    @ApiResponse(responseCode = "200", description = "The customer",
            headers = @Header(name = HttpHeaders.ETAG, description = "The customer's version, for If-Match"))
    @ApiResponse(responseCode = "301", description = "The customer was merged into another: Location names the survivor",
            headers = @Header(name = HttpHeaders.LOCATION, description = "The surviving customer's address"))
    ResponseEntity<CustomerResource> customer(@PathVariable long id) {
        var customer = customers.customer(id);
        if (customer.isEmpty()) {
            return merges.survivorOf(id)
                    .map(survivor -> ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY)
                            .location(java.net.URI.create("/api/v1/customers/" + survivor)).<CustomerResource>build())
                    .orElseGet(() -> withVersion(ResponseEntity.ok(), resource(existing(id))));
        }
        return withVersion(ResponseEntity.ok(), resource(customer.get()));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "createCustomer", summary = "Create a customer")
    @ApiResponse(responseCode = "201", description = "The new customer",
            headers = {@Header(name = HttpHeaders.LOCATION, description = "The customer's address"),
                    @Header(name = HttpHeaders.ETAG, description = "The customer's version")})
    @ApiResponse(responseCode = "409", description = "An address already belongs to another customer",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = "#/components/schemas/Problem")))
    ResponseEntity<CustomerResource> create(@Valid @RequestBody NewCustomerRequest request) {
        CustomerView created;
        try {
            created = customers.create(request.toCommand(), request.preferenceMap());
        } catch (Preferences.InvalidPreference e) {
            throw CustomerRequests.invalid(e);
        }
        // relative, like every Location of the API: never built from the Host header a client sent
        URI location = URI.create("/api/v1/customers/" + created.id());
        return withVersion(ResponseEntity.created(location), resource(created));
    }

    @PatchMapping(path = "/{id}", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
    @Operation(operationId = "changeCustomer", summary = "Change a customer",
            description = "Fields left out keep their value. Send If-Match with the ETag you read: when someone changed "
                    + "the customer since, nothing is changed and the answer is 412.")
    @ApiResponse(responseCode = "200", description = "The changed customer",
            headers = @Header(name = HttpHeaders.ETAG, description = "The customer's new version"))
    @ApiResponse(responseCode = "409", description = "An address already belongs to another customer, or someone else changed the customer at the same moment",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = "#/components/schemas/Problem")))
    ResponseEntity<CustomerResource> change(
            @PathVariable long id,
            @Valid @RequestBody CustomerChangesRequest changes,
            @Parameter(description = "The ETag of the customer as you read it, e.g. \"3\"")
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @org.springframework.security.core.annotation.AuthenticationPrincipal org.regard.accounts.AgentPrincipal agent) {
        CustomerView current = existing(id);
        Integer expected = expectedVersion(ifMatch);
        try {
            CustomerView changed = customers.update(id, changes.applyTo(current, expected == null ? current.version() : expected),
                    changes.preferenceChanges(), access.actor(agent));
            return withVersion(ResponseEntity.ok(), resource(changed));
        } catch (Preferences.InvalidPreference e) {
            throw CustomerRequests.invalid(e);
        } catch (OptimisticLockingFailureException conflict) {
            if (expected == null) {
                throw conflict;
            }
            throw stale(id, expected, conflict);
        }
    }

    private CustomerResource resource(CustomerView customer) {
        return CustomerResource.of(customer, preferences.valuesOf(customer.id()));
    }

    private CustomerView existing(long id) {
        return customers.customer(id).orElseThrow(() -> new NoSuchElementException("Customer " + id + " does not exist."));
    }

    private static ResponseEntity<CustomerResource> withVersion(ResponseEntity.BodyBuilder response, CustomerResource customer) {
        return response.eTag("\"" + customer.version() + "\"").body(customer);
    }

    private ErrorResponseException stale(long id, int expected, OptimisticLockingFailureException cause) {
        int current = existing(id).version();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED,
                "Customer " + id + " changed since version " + expected + " (it is now at version " + current
                        + "). Nothing was changed: read it again and repeat your change.");
        problem.setTitle("Stale version");
        problem.setProperty("currentVersion", current);
        return new ErrorResponseException(HttpStatus.PRECONDITION_FAILED, problem, cause);
    }

    /** {@code If-Match: "7"} (or a bare 7) as a version; null without the header or with {@code *}. */
    private static Integer expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        List<ETag> tags = ETag.parse(ifMatch);
        if (tags.size() == 1 && tags.getFirst().isWildcard()) {
            return null;
        }
        String tag = tags.size() == 1 ? tags.getFirst().tag() : ifMatch.strip();
        try {
            return Integer.valueOf(tag);
        } catch (NumberFormatException e) {
            throw new CustomerRequests.InvalidField("If-Match", "must be one ETag as sent by this API, like \"3\"");
        }
    }

    private static String encode(long lastId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("after:" + lastId).getBytes(StandardCharsets.US_ASCII));
    }

    /** Reads a cursor; a malformed one is a 400 naming the parameter, never a silent first page. */
    private static Long decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.US_ASCII);
            if (!raw.startsWith("after:")) {
                throw new IllegalArgumentException(raw);
            }
            return Long.parseLong(raw.substring("after:".length()));
        } catch (IllegalArgumentException e) {
            throw new CustomerRequests.InvalidField("cursor", "is not a cursor this server handed out");
        }
    }
}
