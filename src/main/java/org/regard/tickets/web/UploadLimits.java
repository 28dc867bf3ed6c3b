package org.regard.tickets.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.regard.accounts.AgentPrincipal;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
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

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An upload over the size limits fails before any controller runs: the server cannot read the form, so it answers 413
 * from wherever it first tried (a filter asking for a form field, or the dispatcher). Both ends are covered: as an
 * error view for the 413 error page and as an advice for every request. On the composer the ticket page comes back
 * with the limits explained; elsewhere the error page. The text the agent typed is kept by the page's own check, which
 * stops such a submit in the browser before anything is sent.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimits implements ErrorViewResolver {
    private static final Pattern COMPOSER = Pattern.compile("^/tickets/(\\d+)/(replies|notes|contacts)$");

    private final TicketPageModel page;

    UploadLimits(TicketPageModel page) {
        this.page = page;
    }

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        if (status != HttpStatus.CONTENT_TOO_LARGE || !(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri)) {
            return null;
        }
        String path = uri.substring(Math.min(uri.length(), request.getContextPath().length()));
        return COMPOSER.matcher(path).matches() ? tooLarge(path) : null;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(HttpServletRequest request) {
        return tooLarge(request.getRequestURI().substring(request.getContextPath().length()));
    }

    private ModelAndView tooLarge(String path) {
        Matcher composer = COMPOSER.matcher(path);
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
