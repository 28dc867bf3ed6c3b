package org.regard.web;

import org.regard.customers.Customers;
import org.regard.tickets.IllegalTransition;
import org.regard.tickets.InvalidInput;
import org.regard.tickets.TicketConflict;
import org.regard.tickets.TicketForbidden;
import org.regard.tickets.TicketNotFound;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Turns every failure of an API call into RFC 9457 problem details with a message a person can act
 * on; validation problems name the field.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiProblems extends ResponseEntityExceptionHandler {

    @ExceptionHandler(TicketNotFound.class)
    ProblemDetail notFound(TicketNotFound e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(NoSuchElementException.class)
    ProblemDetail notFound(NoSuchElementException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(TicketForbidden.class)
    ProblemDetail forbidden(TicketForbidden e) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage());
    }

    @ExceptionHandler({TicketConflict.class, OptimisticLockingFailureException.class})
    ProblemDetail conflict(RuntimeException e) {
        String detail = e instanceof TicketConflict ? e.getMessage()
                : "This record was changed by someone else since you read it. Read it again and repeat your change.";
        return problem(HttpStatus.CONFLICT, "Conflicting change", detail);
    }

    @ExceptionHandler(IllegalTransition.class)
    ProblemDetail transition(IllegalTransition e) {
        ProblemDetail p = problem(HttpStatus.CONFLICT, "Status change not allowed", e.getMessage());
        p.setProperty("allowed", e.from().next().stream().map(s -> s.name().toLowerCase()).sorted().toList());
        return p;
    }

    @ExceptionHandler(Customers.EmailTaken.class)
    ProblemDetail emailTaken(Customers.EmailTaken e) {
        ProblemDetail p = problem(HttpStatus.CONFLICT, "Email address in use", e.getMessage());
        p.setProperty("errors", List.of(Map.of("field", "emails", "message", e.getMessage())));
        return p;
    }

    @ExceptionHandler(InvalidInput.class)
    ProblemDetail invalid(InvalidInput e) {
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "Invalid request", "The field '" + e.field() + "' " + e.getMessage().substring(e.field().length() + 1) + ".");
        p.setProperty("errors", List.of(Map.of("field", e.field(), "message", e.getMessage())));
        return p;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "Invalid request",
                "The parameter '" + e.getName() + "' has a value this API does not understand: " + e.getValue());
        p.setProperty("errors", List.of(Map.of("field", e.getName(), "message", "invalid value")));
        return p;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        var errors = ex.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage()))).toList();
        String summary = errors.stream().map(m -> m.get("field") + " " + m.get("message")).reduce((a, b) -> a + "; " + b).orElse("invalid");
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "Invalid request", "Please correct these fields: " + summary + ".");
        p.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(p);
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        return p;
    }
}
