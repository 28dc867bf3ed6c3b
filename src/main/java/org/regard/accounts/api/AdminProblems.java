package org.regard.accounts.api;

import org.regard.accounts.AgentAdministration;
import org.regard.accounts.TeamAdministration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.List;
import java.util.Map;

/**
 * The administration API's refusals as problem details: a taken address or name, the last administrator, an
 * administrator's own role or account (409); a refused password or an unknown member (400 naming the field). Ahead of
 * the API's general handlers, for the agent and team endpoints only.
 */
@RestControllerAdvice(assignableTypes = {AgentApi.class, TeamApi.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class AdminProblems {

    @ExceptionHandler(AgentAdministration.EmailTaken.class)
    ProblemDetail emailTaken(AgentAdministration.EmailTaken e) {
        return conflict("Email address in use", e.getMessage(), "email");
    }

    @ExceptionHandler(AgentAdministration.TeamNameTaken.class)
    ProblemDetail nameTaken(AgentAdministration.TeamNameTaken e) {
        return conflict("Name in use", e.getMessage(), "name");
    }

    /** Two administrators creating the same address or name at the same moment: the unique key decides. */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail raced(DataIntegrityViolationException e) {
        return conflict("Already exists", "Another agent or team with this address or name was created a moment ago.", null);
    }

    @ExceptionHandler({AgentAdministration.LastAdmin.class, AgentAdministration.OwnRole.class,
            AgentAdministration.SelfDeactivation.class})
    ProblemDetail refused(RuntimeException e) {
        return conflict(e instanceof AgentAdministration.LastAdmin ? "Last administrator" : "Not on your own account",
                e.getMessage(), null);
    }

    @ExceptionHandler(AgentAdministration.WeakPassword.class)
    ProblemDetail weakPassword(AgentAdministration.WeakPassword e) {
        return invalid("password", e.problem().rule());
    }

    @ExceptionHandler(TeamAdministration.UnknownAgent.class)
    ProblemDetail unknownAgent(TeamAdministration.UnknownAgent e) {
        return invalid("members", "has " + e.agentId() + ", which is not an agent");
    }

    /** An unknown time zone: the request is well formed but names no zone (422 naming the field). */
    @ExceptionHandler(org.regard.accounts.TimeZones.Unknown.class)
    ProblemDetail unknownZone(org.regard.accounts.TimeZones.Unknown e) {
        ProblemDetail details = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                "Please correct these fields: " + e.getMessage() + ".");
        details.setTitle("Unknown time zone");
        details.setProperty("errors", List.of(Map.of("field", e.field(), "message",
                "is not a time zone (an IANA id such as Europe/Paris)")));
        return details;
    }

    /** A 400 naming one field, shaped like every other validation problem of the API. */
    static ErrorResponseException invalidField(String field, String problem) {
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, invalid(field, problem), null);
    }

    static ProblemDetail invalid(String field, String problem) {
        ProblemDetail details = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Please correct these fields: " + field + " " + problem + ".");
        details.setTitle("Invalid request");
        details.setProperty("errors", List.of(Map.of("field", field, "message", problem)));
        return details;
    }

    private static ProblemDetail conflict(String title, String detail, String field) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
        p.setTitle(title);
        if (field != null) {
            p.setProperty("errors", List.of(Map.of("field", field, "message", detail)));
        }
        return p;
    }
}
