package org.regard.tickets.web;

import jakarta.servlet.http.HttpServletRequest;
import org.regard.accounts.AgentPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An upload over the size limits fails before any controller runs (the request cannot be read), so this advice
 * applies to every request: on the composer it shows the ticket page again with the limits explained (413); elsewhere
 * the error page. The text the agent typed is kept by the page's own check, which stops such a submit in the browser.
 */
@ControllerAdvice
class UploadLimits {
    private static final Pattern COMPOSER = Pattern.compile("^/tickets/(\\d+)/(replies|notes|contacts)$");

    private final TicketPageModel page;

    UploadLimits(TicketPageModel page) {
        this.page = page;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(HttpServletRequest request) {
        Matcher composer = COMPOSER.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (composer.matches() && auth != null && auth.getPrincipal() instanceof AgentPrincipal agent) {
            ExtendedModelMap model = new ExtendedModelMap();
            ComposerForm form = new ComposerForm();
            BindingResult errors = new BeanPropertyBindingResult(form, "composer");
            errors.reject("composer.error.filesTooLarge",
                    new Object[]{page.maxFileBytes() / (1024 * 1024), page.maxRequestBytes() / (1024 * 1024)}, null);
            model.addAttribute("composer", form);
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "composer", errors);
            page.fill(model, Long.parseLong(composer.group(1)), agent);
            ModelAndView mav = new ModelAndView(TicketPageModel.VIEW, model);
            mav.setStatus(HttpStatus.CONTENT_TOO_LARGE);
            return mav;
        }
        ModelAndView mav = new ModelAndView("error");
        mav.addObject("status", HttpStatus.CONTENT_TOO_LARGE.value());
        mav.setStatus(HttpStatus.CONTENT_TOO_LARGE);
        return mav;
    }
}
