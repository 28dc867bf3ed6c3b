package org.regard.tickets.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.regard.tickets.Categories;
import org.regard.tickets.Categories.CategoryView;
import org.springframework.dao.DataIntegrityViolationException;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

/**
 * Ticket categories over HTTP, for administrators only (the API security chain refuses agents and leads with 403):
 * the same use cases as the category pages, audited the same way. A retired category ({@code active: false}) stays on
 * the tickets that have it but is no longer offered.
 */
@RestController
@RequestMapping(path = "/api/v1/categories", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Administration", description = "Agents, teams, categories and the audit log (administrators only)")
class CategoryApi {
    static final int MAX_NAME = Categories.MAX_NAME;
    static final String NAMES = "The category's name in each page language an admin gave one for (en, fr, de, vi); "
            + "pages show the agent's language and fall back to the base name. Tickets name the category in English "
            + "when an English name is given, else by its base name.";

    private final Categories categories;

    CategoryApi(Categories categories) {
        this.categories = categories;
    }

    @Schema(name = "Category")
    record CategoryResource(long id, @Schema(description = "The base name") String name,
                            @Schema(description = NAMES, example = "{\"de\": \"Rechnung\", \"fr\": \"Facturation\"}") Map<String, String> names,
                            @Schema(description = "false once retired") boolean active,
                            @Schema(description = "true: an agent resolving a ticket of this category asks for a second "
                                    + "person's review, and the ticket becomes resolved when a reviewer approves") boolean resolutionReview,
                            @Schema(description = EXPECTED, nullable = true) Integer expectedTouches,
                            @Schema(description = ALARM, nullable = true) Integer alarmTouches) {
        static CategoryResource of(CategoryView c) {
            return new CategoryResource(c.id(), c.baseName(), c.names().byLanguage(), c.active(), c.resolutionReview(),
                    c.expectedTouches(), c.alarmTouches());
        }
    }

    static final String EXPECTED = "Touches its tickets are expected to need (at least 1); null: the desk's default pair applies";
    static final String ALARM = "From this many touches on (more than expectedTouches), its tickets are flagged for the "
            + "team lead; given together with expectedTouches";

    @Schema(name = "NewCategory")
    record NewCategory(@NotBlank @Size(max = MAX_NAME) String name,
                       @Schema(description = NAMES, nullable = true) Map<String, String> names,
                       @Schema(description = "Whether resolving its tickets needs a second person's review; false by default",
                               nullable = true) Boolean resolutionReview,
                       @Schema(description = EXPECTED, nullable = true) Integer expectedTouches,
                       @Schema(description = ALARM, nullable = true) Integer alarmTouches) {
    }

    @Schema(name = "CategoryChanges", description = "Any of these fields; the ones left out keep their value.")
    record CategoryChanges(@Size(max = MAX_NAME) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String name,
                           @Schema(description = NAMES + " Replaces them all: a language left out or blank loses its name.",
                                   nullable = true) Map<String, String> names,
                           @Schema(description = "false retires the category, true reinstates it") Boolean active,
                           @Schema(description = "Whether resolving its tickets needs a second person's review (a "
                                   + "resolution already waiting keeps waiting)") Boolean resolutionReview,
                           @Schema(description = EXPECTED + ". Give both numbers; leaving both out keeps "
                                   + "them (PUT /api/v1/touch-budgets/categories/{id} also removes them)", nullable = true) Integer expectedTouches,
                           @Schema(description = ALARM, nullable = true) Integer alarmTouches) {
    }

    @GetMapping
    @Operation(operationId = "listCategories", summary = "List categories (administrators only)", description = "In use and retired, by name.")
    List<CategoryResource> list() {
        return categories.all().stream().map(CategoryResource::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getCategory", summary = "Read a category (administrators only)")
    CategoryResource category(@PathVariable long id) {
        return CategoryResource.of(existing(id));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "createCategory", summary = "Create a category (administrators only)")
    @ApiResponse(responseCode = "201", description = "The new category",
            headers = @Header(name = HttpHeaders.LOCATION, description = "The category's address"))
    @ApiResponse(responseCode = "409", description = "A category with this name exists",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = "#/components/schemas/Problem")))
    ResponseEntity<CategoryResource> create(@Valid @RequestBody NewCategory request) {
        org.regard.tickets.TouchBudget.check(request.expectedTouches(), request.alarmTouches());
        CategoryView made = unique(() -> categories.create(request.name().strip(), request.names()));
        if (request.expectedTouches() != null) {
            made = categories.budget(made.id(), request.expectedTouches(), request.alarmTouches());
        }
        CategoryView created = Boolean.TRUE.equals(request.resolutionReview())
                ? categories.requireResolutionReview(made.id(), true) : made;
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/v1/categories/{id}")
                .buildAndExpand(created.id()).toUri()).body(CategoryResource.of(created));
    }

    @PatchMapping(path = "/{id}", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
    @Operation(operationId = "changeCategory", summary = "Rename, name in other languages, retire or reinstate a category (administrators only)",
            description = "Fields left out keep their value.")
    @ApiResponse(responseCode = "200", description = "The changed category")
    @ApiResponse(responseCode = "409", description = "Another category has this name",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = "#/components/schemas/Problem")))
    CategoryResource change(@PathVariable long id, @Valid @RequestBody CategoryChanges changes) {
        existing(id);
        if (changes.expectedTouches() != null || changes.alarmTouches() != null) {
            categories.budget(id, changes.expectedTouches(), changes.alarmTouches());
        }
        CategoryView changed = unique(() -> categories.change(id, changes.name() == null ? null : changes.name().strip(), changes.names(),
                changes.active()));
        return CategoryResource.of(changes.resolutionReview() == null ? changed
                : categories.requireResolutionReview(id, changes.resolutionReview()));
    }

    private CategoryView existing(long id) {
        return categories.category(id).orElseThrow(() -> new NoSuchElementException("Category " + id + " does not exist."));
    }

    /** A taken name (or one taken a moment ago by another administrator) is a 409 naming the field. */
    private static CategoryView unique(Supplier<CategoryView> write) {
        try {
            return write.get();
        } catch (Categories.NameTaken | DataIntegrityViolationException taken) {
            String detail = taken instanceof Categories.NameTaken ? taken.getMessage() : "A category with this name was created a moment ago.";
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
            problem.setTitle("Name in use");
            problem.setProperty("errors", List.of(java.util.Map.of("field", "name", "message", detail)));
            throw new ErrorResponseException(HttpStatus.CONFLICT, problem, taken);
        }
    }
}
