package org.regard.tickets.web;

import org.regard.tickets.InvalidInput;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** A request these pages cannot act on (a cursor we never handed out, a form without its version): a 400 page. */
@ControllerAdvice(basePackageClasses = TicketPageErrors.class)
class TicketPageErrors {

    @ExceptionHandler(InvalidInput.class)
    ModelAndView badRequest() {
        ModelAndView mav = new ModelAndView("error");
        mav.addObject("status", HttpStatus.BAD_REQUEST.value());
        mav.setStatus(HttpStatus.BAD_REQUEST);
        return mav;
    }
}
