package org.regard.web;

import org.regard.customers.Customers;
import org.regard.tickets.IllegalTransition;
import org.regard.tickets.InvalidInput;
import org.regard.tickets.ResolutionReasonRequired;
import org.regard.tickets.TicketConflict;
import org.regard.tickets.TicketForbidden;
import org.regard.tickets.TicketNotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.MethodParameter;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.ValueInstantiationException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;

/**
 * Turns every failure of an API call into RFC 9457 problem details with a message a person can act
 * on. Problems about the input carry an {@code errors} list naming each field (or parameter) and what
 * is wrong with it: {@code [{"field": "customer.email", "message": "must be a well-formed email address"}]}.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiProblems extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    /** One thing wrong with the input, named so the caller can find it. */
    record FieldError(String field, String message) {
    }

    @ExceptionHandler(TicketNotFound.class)
    ProblemDetail notFound(TicketNotFound e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(NoSuchElementException.class)
    ProblemDetail notFound(NoSuchElementException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler({TicketForbidden.class, org.regard.customers.CustomerForbidden.class})
    ProblemDetail forbidden(RuntimeException e) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage());
    }

    @ExceptionHandler({TicketConflict.class, OptimisticLockingFailureException.class})
    ProblemDetail conflict(RuntimeException e) {
        String detail = e instanceof TicketConflict ? e.getMessage()
                : "This record was changed by someone else since you read it. Read it again and repeat your change.";
        return problem(HttpStatus.CONFLICT, "Conflicting change", detail);
    }

    @ExceptionHandler(ResolutionReasonRequired.class)
    ProblemDetail reasonRequired(ResolutionReasonRequired e) {
        ProblemDetail p = problem(HttpStatus.UNPROCESSABLE_CONTENT, "Written reason needed", e.getMessage());
        p.setProperty("missing", e.missing());
        p.setProperty("errors", List.of(new FieldError("resolutionReason",
                "is needed to resolve while these required steps are open: " + String.join(", ", e.missing()))));
        return p;
    }

    @ExceptionHandler(IllegalTransition.class)
    ProblemDetail transition(IllegalTransition e) {
        ProblemDetail p = problem(HttpStatus.CONFLICT, "Status change not allowed", e.getMessage());
        p.setProperty("allowed", e.from().next().stream().map(s -> s.name().toLowerCase(Locale.ROOT)).sorted().toList());
        return p;
    }

    @ExceptionHandler(Customers.EmailTaken.class)
    ProblemDetail emailTaken(Customers.EmailTaken e) {
        ProblemDetail p = problem(HttpStatus.CONFLICT, "Email address in use", e.getMessage());
        p.setProperty("errors", List.of(new FieldError("emails", e.getMessage())));
        return p;
    }

    @ExceptionHandler(Customers.UnknownTier.class)
    ProblemDetail unknownTier(Customers.UnknownTier e) {
        return invalidFields(List.of(new FieldError("tier", e.getMessage())));
    }

    @ExceptionHandler(org.regard.text.LocalNames.Invalid.class)
    ProblemDetail invalidName(org.regard.text.LocalNames.Invalid e) {
        return invalidFields(List.of(new FieldError(e.field(), e.problem())));
    }

    @ExceptionHandler(InvalidInput.class)
    ProblemDetail invalid(InvalidInput e) {
        return invalidFields(List.of(new FieldError(e.field(), e.getMessage().substring(e.field().length() + 1))));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "Invalid request",
                "The parameter '" + e.getName() + "' has a value this API does not understand: " + e.getValue());
        p.setProperty("errors", List.of(new FieldError(e.getName(), "invalid value: " + e.getValue())));
        return p;
    }

    /** The last resort: the caller learns that it is our fault, the log learns why. */
    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("API call failed unexpectedly", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "Something went wrong on our side. The error has been logged; please try again later.");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        ex.getBindingResult().getFieldErrors()
                .forEach(f -> errors.add(new FieldError(f.getField(), String.valueOf(f.getDefaultMessage()))));
        ex.getBindingResult().getGlobalErrors()
                .forEach(g -> errors.add(new FieldError(g.getObjectName(), String.valueOf(g.getDefaultMessage()))));
        return ResponseEntity.badRequest().body(invalidFields(errors));
    }

    /** Constraints on query parameters and headers ({@code limit} between 1 and 200...). */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        for (ParameterValidationResult result : ex.getParameterValidationResults()) {
            if (result instanceof ParameterErrors body) {
                // a @Valid body validated together with constrained parameters: name its fields, as for bodies alone
                body.getFieldErrors().forEach(f -> errors.add(new FieldError(f.getField(), String.valueOf(f.getDefaultMessage()))));
                continue;
            }
            String name = parameterName(result.getMethodParameter());
            result.getResolvableErrors().forEach(e -> errors.add(new FieldError(name, String.valueOf(e.getDefaultMessage()))));
        }
        return ResponseEntity.badRequest().body(invalidFields(errors));
    }

    /** A body that is not JSON, not the JSON we expect, missing, or too large. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        ApiBodyLimit.TooLarge tooLarge = causeOf(ex, ApiBodyLimit.TooLarge.class);
        if (tooLarge != null) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                    .body(problem(HttpStatus.CONTENT_TOO_LARGE, "Request too large", tooLarge.getMessage()));
        }
        InvalidFormatException invalid = causeOf(ex, InvalidFormatException.class);
        if (invalid != null && invalid.getTargetType() == String.class) {
            // text Regard cannot keep (RequestText): the message says which character, in words
            return ResponseEntity.badRequest().body(invalidFields(List.of(new FieldError(path(invalid), invalid.getOriginalMessage()))));
        }
        if (invalid != null && invalid.getTargetType() != null && invalid.getTargetType().isEnum()) {
            return ResponseEntity.badRequest().body(invalidFields(List.of(new FieldError(path(invalid),
                    "'" + invalid.getValue() + "' is not one of " + allowedValues(invalid.getTargetType())))));
        }
        ValueInstantiationException refused = causeOf(ex, ValueInstantiationException.class);
        if (refused != null && !refused.getPath().isEmpty() && refused.getCause() instanceof IllegalArgumentException reason) {
            // our own value types refuse a value with a message meant for the caller ("must be one of ...")
            return ResponseEntity.badRequest().body(invalidFields(List.of(new FieldError(path(refused), reason.getMessage()))));
        }
        MismatchedInputException mismatch = causeOf(ex, MismatchedInputException.class);
        if (mismatch != null && !mismatch.getPath().isEmpty()) {
            String expected = mismatch.getTargetType() == null ? "a different kind of value" : describe(mismatch.getTargetType());
            return ResponseEntity.badRequest().body(invalidFields(List.of(new FieldError(path(mismatch), "must be " + expected))));
        }
        if (mismatch != null) {
            // the body as a whole has the wrong shape ([] or "text" where an object belongs)
            String expected = mismatch.getTargetType() == null ? "a JSON object" : describe(mismatch.getTargetType());
            return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Malformed JSON",
                    "The request body must be " + ("an object".equals(expected) ? "a JSON object" : expected)
                            + " with the fields this call documents."));
        }
        StreamReadException syntax = causeOf(ex, StreamReadException.class);
        if (syntax != null) {
            String where = syntax.getLocation() == null ? ""
                    : " (line " + syntax.getLocation().getLineNr() + ", column " + syntax.getLocation().getColumnNr() + ")";
            return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Malformed JSON",
                    "The request body is not valid JSON" + where + ": " + firstLine(syntax.getOriginalMessage())));
        }
        JacksonException json = causeOf(ex, JacksonException.class);
        if (json != null) {
            // Jackson's own words name Java types (TicketRequests$NewTicket): the caller gets the field and plain words
            String where = json.getPath().isEmpty() ? "" : " (at " + path(json) + ")";
            return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Malformed JSON",
                    "The request body could not be read as the JSON this call expects" + where + "."));
        }
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Missing or unreadable body",
                "This call needs a JSON body (Content-Type: application/json)."));
    }

    static ProblemDetail invalidFields(List<FieldError> errors) {
        String summary = errors.stream().map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; "));
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "Invalid request",
                errors.isEmpty() ? "The request is not valid." : "Please correct these fields: " + summary + ".");
        p.setProperty("errors", List.copyOf(errors));
        return p;
    }

    static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        return p;
    }

    /** {@code customer.email}, {@code emails[2]}: where in the body the bad value sits. */
    private static String path(JacksonException e) {
        StringBuilder b = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!b.isEmpty()) {
                    b.append('.');
                }
                b.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                b.append('[').append(ref.getIndex()).append(']');
            }
        }
        return b.isEmpty() ? "body" : b.toString();
    }

    private static String allowedValues(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + allowedValues(type);
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Iterable.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return "an object";
    }

    private static String parameterName(MethodParameter parameter) {
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        if (param != null && !param.name().isEmpty()) {
            return param.name();
        }
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        if (header != null && !header.name().isEmpty()) {
            return header.name();
        }
        return String.valueOf(parameter.getParameterName());
    }

    private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown problem";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
