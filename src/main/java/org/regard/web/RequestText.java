package org.regard.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.regard.text.TextInput;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where text coming in over HTTP is checked with {@link TextInput}, once for every endpoint rather than on each field:
 * <ul>
 *   <li>every string of an API request's JSON body: a value Regard cannot keep is refused with a 400 naming the field
 *   ({@code customer.name must not contain the NUL character (U+0000)});</li>
 *   <li>query parameters of API calls ({@code q}, {@code cursor}...): the same 400, naming the parameter;</li>
 *   <li>page forms and page query parameters, the sign-in form included: cleaned (NUL removed), since nobody types
 *   a NUL on purpose and a page has no better way to say so. Form encoding cannot carry a lone surrogate.</li>
 * </ul>
 * It runs before the security filters, so nothing (sign-in throttling included) ever sees an unclean value.
 */
@Configuration
class RequestText {

    @Bean
    JacksonModule cleanStrings() {
        return new SimpleModule("regard-text-input").addDeserializer(String.class, new CheckedStrings());
    }

    @Bean
    FilterRegistrationBean<ParameterText> parameterText() {
        FilterRegistrationBean<ParameterText> registration = new FilterRegistrationBean<>(new ParameterText());
        // after the character encoding filter (parameters must be decoded as UTF-8), before Spring Security
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    /** Jackson's own reading of strings, then the check; the refusal carries the field's path. */
    static final class CheckedStrings extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            String value = super.deserialize(p, ctxt);
            String problem = TextInput.problem(value).orElse(null);
            if (problem != null) {
                throw InvalidFormatException.from(p, problem, TextInput.clean(value), String.class);
            }
            return value;
        }
    }

    /** Refuses API parameters Regard cannot keep; hands pages their parameters cleaned. */
    static final class ParameterText extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (isApi(request)) {
                ApiProblems.FieldError bad = badQueryParameter(request);
                if (bad != null) {
                    ProblemJson.write(request, response, ApiProblems.invalidFields(List.of(bad)));
                    return;
                }
                chain.doFilter(request, response);
                return;
            }
            chain.doFilter(new CleanParameters(request), response);
        }

        private static boolean isApi(HttpServletRequest request) {
            return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
        }

        /** The first query parameter that cannot be kept; bodies of API calls are JSON and checked when read. */
        private static ApiProblems.FieldError badQueryParameter(HttpServletRequest request) {
            if (request.getQueryString() == null) {
                return null;
            }
            for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
                for (String value : parameter.getValue()) {
                    var problem = TextInput.problem(value);
                    if (problem.isPresent()) {
                        return new ApiProblems.FieldError(parameter.getKey(), problem.get());
                    }
                }
            }
            return null;
        }
    }

    /** A page request whose parameters come cleaned. */
    static final class CleanParameters extends HttpServletRequestWrapper {
        CleanParameters(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getParameter(String name) {
            return TextInput.clean(super.getParameter(name));
        }

        @Override
        public String[] getParameterValues(String name) {
            return clean(super.getParameterValues(name));
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            Map<String, String[]> raw = super.getParameterMap();
            if (raw.entrySet().stream().allMatch(e -> e.getValue() == null
                    || java.util.Arrays.stream(e.getValue()).allMatch(TextInput::isClean))) {
                return raw;
            }
            Map<String, String[]> cleaned = new LinkedHashMap<>();
            raw.forEach((name, values) -> cleaned.put(name, clean(values)));
            return Collections.unmodifiableMap(cleaned);
        }

        private static String[] clean(String[] values) {
            if (values == null) {
                return null;
            }
            String[] cleaned = values.clone();
            for (int i = 0; i < cleaned.length; i++) {
                cleaned[i] = TextInput.clean(cleaned[i]);
            }
            return cleaned;
        }
    }
}
