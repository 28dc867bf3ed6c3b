package org.regard.web;

import org.regard.tickets.TicketForbidden;
import org.regard.tickets.TicketNotFound;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

import java.util.NoSuchElementException;

/** "Not found" and "not yours" on pages: a 404 or 403 page in the agent's language, never a 500. */
@ControllerAdvice(annotations = Controller.class)
class PageErrors {

    @ExceptionHandler({TicketNotFound.class, NoSuchElementException.class})
    ModelAndView notFound() {
        return page(HttpStatus.NOT_FOUND);
    }

    @ExceptionHandler({TicketForbidden.class, org.regard.customers.CustomerForbidden.class})
    ModelAndView forbidden() {
        return page(HttpStatus.FORBIDDEN);
    }

    private static ModelAndView page(HttpStatus status) {
        ModelAndView mav = new ModelAndView("error");
        mav.addObject("status", status.value());
        mav.setStatus(status);
        return mav;
    }
}
