package org.regard.customers.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.regard.customers.PreferenceType;
import org.regard.customers.Preferences;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The preference fields the team keeps about customers: a base label with a label per page language, a type, and
 * for a choice its options. Every agent may read them; only admins define, rename, retire or reinstate them (the admin flag is read from the principal by name, so customers keeps no
 * dependency on accounts).
 */
@RestController
@RequestMapping(path = "/api/v1/preference-fields", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Customers", description = "The people the team serves")
class PreferenceFieldApi {
    private final Preferences preferences;

    PreferenceFieldApi(Preferences preferences) {
        this.preferences = preferences;
    }

    static final String LABELS = "The label per page language (en, fr, de, vi), by language code, e.g. {\"fr\": \"Meilleur moment "
            + "pour appeler\"}; pages show it in the agent's language and the base label where none is given. At most "
            + Preferences.MAX_LABEL + " characters each.";
    static final String OPTIONS = "The options of a choice field, in the order pages offer them: 2 to 50, each 1 to 100 "
            + "characters, no two the same ignoring case. A value must be one of them (matched ignoring case, kept in the "
            + "option's spelling). Only for the type choice.";

    @Schema(name = "PreferenceField", description = "A preference the team keeps about every customer.")
    record FieldResource(long id, String key,
                         @Schema(description = "The base label, shown where no label is given for the reader's language") String label,
                         @Schema(description = LABELS) Map<String, String> labels,
                         @Schema(allowableValues = {"text", "number", "date", "yes-no", "choice"},
                                 description = "choice: one of the field's options") String type,
                         @Schema(description = "The options of a choice field, in the order pages offer them; empty for "
                                 + "the other types. Values customers already have keep an option removed since.") List<String> options,
                         boolean active) {
        static FieldResource of(Preferences.FieldView f) {
            return new FieldResource(f.id(), f.key(), f.label(), f.names().byLanguage(), f.type().value(), f.options(), f.active());
        }
    }

    @Schema(name = "NewPreferenceField")
    record NewField(@Schema(nullable = true, description = "Derived from the label when left out") @Pattern(regexp = "[a-z][a-z0-9_-]{0,49}", message = "must be lower-case letters, digits, - or _, starting with a letter") String key,
                    @NotBlank @Size(max = Preferences.MAX_LABEL) String label,
                    @Schema(nullable = true, description = LABELS + " Blank ones are left out.") Map<String, String> labels,
                    @NotNull @Schema(allowableValues = {"text", "number", "date", "yes-no", "choice"}) String type,
                    @Schema(nullable = true, description = OPTIONS + " Required for a choice.") List<String> options) {
    }

    @Schema(name = "PreferenceFieldChanges", description = "The key and type never change. Fields left out (or null) stay as they are.")
    record FieldChanges(@Size(max = Preferences.MAX_LABEL) String label,
                        @Schema(nullable = true, description = LABELS + " When given, replaces the labels: a language left "
                                + "out or blank loses its label.") Map<String, String> labels,
                        @Schema(nullable = true, description = OPTIONS + " When given, replaces the options (add, reorder, "
                                + "remove); values customers have of an option removed stay stored.") List<String> options,
                        Boolean active) {
    }

    @GetMapping
    @Operation(operationId = "listPreferenceFields", summary = "List preference fields", description = "Active and retired ones.")
    List<FieldResource> list() {
        return preferences.fields().stream().map(FieldResource::of).toList();
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "createPreferenceField", summary = "Define a preference field (admins only)")
    @ApiResponse(responseCode = "201", description = "The new field")
    ResponseEntity<FieldResource> create(@Valid @RequestBody NewField request,
                                         @AuthenticationPrincipal(expression = "isAdmin()") boolean admin) {
        requireAdmin(admin);
        PreferenceType type = PreferenceType.parse(request.type())
                .orElseThrow(() -> new CustomerRequests.InvalidField("type", "must be one of text, number, date, yes-no, choice"));
        Preferences.FieldView created;
        try {
            created = preferences.define(request.key(), request.label(), type, request.labels(), request.options());
        } catch (Preferences.InvalidDefinition invalid) {
            throw new CustomerRequests.InvalidField(invalid.field(), invalid.getMessage());
        } catch (Preferences.KeyTaken taken) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, taken.getMessage());
            problem.setTitle("Key in use");
            throw new ErrorResponseException(HttpStatus.CONFLICT, problem, taken);
        }
        return ResponseEntity.created(URI.create("/api/v1/preference-fields/" + created.id())).body(FieldResource.of(created));
    }

    @PatchMapping(path = "/{id}", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
    @Operation(operationId = "changePreferenceField",
            summary = "Rename, relabel, retire or reinstate a preference field, or change a choice's options (admins only)")
    FieldResource change(@PathVariable long id, @Valid @RequestBody FieldChanges changes,
                         @AuthenticationPrincipal(expression = "isAdmin()") boolean admin) {
        requireAdmin(admin);
        Preferences.FieldView field = preferences.field(id)
                .orElseThrow(() -> new NoSuchElementException("Preference field " + id + " does not exist."));
        if (changes.label() != null && changes.label().isBlank()) {
            throw new CustomerRequests.InvalidField("label", "must not be blank");
        }
        try {
            return FieldResource.of(preferences.change(id, changes.label() == null ? field.label() : changes.label(),
                    changes.labels(), changes.options(), changes.active() == null ? field.active() : changes.active()));
        } catch (Preferences.InvalidDefinition invalid) {
            throw new CustomerRequests.InvalidField(invalid.field(), invalid.getMessage());
        }
    }

    private static void requireAdmin(boolean admin) {
        if (!admin) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                    "Only administrators define preference fields.");
            problem.setTitle("Forbidden");
            throw new ErrorResponseException(HttpStatus.FORBIDDEN, problem, null);
        }
    }
}
