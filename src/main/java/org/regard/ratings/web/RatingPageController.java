package org.regard.ratings.web;

import jakarta.servlet.http.HttpServletResponse;
import org.regard.ratings.Rating;
import org.regard.ratings.RatingExpired;
import org.regard.ratings.RatingInvalid;
import org.regard.ratings.RatingLinkRefused;
import org.regard.ratings.Ratings;
import org.regard.ratings.Score;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The customer's rating page, opened from the email without an account. The GET only shows the answer chosen in the
 * email pre-selected and records nothing: mail scanners and link previews open every link of a message, and would
 * otherwise answer "good", "okay" and "bad" in turn. The customer's form POST (CSRF-protected like every form)
 * records it. The page speaks the language the email was written in; a link that is not genuine gets a plain 404
 * page, an expired one a 410 page.
 */
@Controller
class RatingPageController {
    private final Ratings ratings;
    private final MessageSource messages;

    RatingPageController(Ratings ratings, MessageSource messages) {
        this.ratings = ratings;
        this.messages = messages;
    }

    @GetMapping("/rating/{id}/{signature}")
    String show(@PathVariable String id, @PathVariable String signature, @RequestParam(required = false) String score,
                @RequestParam(required = false) String thanks, Locale requestLocale, Model model,
                HttpServletResponse response) {
        model.addAttribute("signature", signature);
        try {
            Rating rating = ratings.open(requestId(id), signature);
            String chosen = Score.parse(score).map(Score::key).orElse(rating.answered() ? rating.score().key() : null);
            return page(rating, chosen, null, null, thanks != null && rating.answered(), model);
        } catch (RatingLinkRefused refused) {
            return refused(requestLocale, model, response);
        } catch (RatingExpired expired) {
            return expired(expired, requestLocale, model, response);
        }
    }

    @PostMapping("/rating/{id}/{signature}")
    String answer(@PathVariable String id, @PathVariable String signature, @RequestParam(required = false) String score,
                  @RequestParam(required = false) String comment, Locale requestLocale, Model model,
                  HttpServletResponse response) {
        model.addAttribute("signature", signature);
        try {
            long requestId = requestId(id);
            try {
                ratings.answer(requestId, signature, score, comment);
            } catch (RatingInvalid invalid) {
                Rating rating = ratings.open(requestId, signature);
                response.setStatus(HttpStatus.BAD_REQUEST.value());
                Locale locale = localeOf(rating.language(), requestLocale);
                return page(rating, Score.parse(score).map(Score::key).orElse(null), comment,
                        messages.getMessage(invalid.code(), null, locale), false, model);
            }
            return "redirect:/rating/" + requestId + "/" + signature + "?thanks";
        } catch (RatingLinkRefused refused) {
            return refused(requestLocale, model, response);
        } catch (RatingExpired expired) {
            return expired(expired, requestLocale, model, response);
        }
    }

    private String page(Rating rating, String chosen, String comment, String error, boolean thanks, Model model) {
        Locale locale = localeOf(rating.language(), Locale.ENGLISH);
        model.addAttribute("lang", locale.getLanguage());
        model.addAttribute("t", texts(locale, "page.title", "page.legend", "page.comment", "page.submit", "page.thanks",
                "page.change", "score.good", "score.okay", "score.bad"));
        model.addAttribute("intro", messages.getMessage("ratings.page.intro",
                new Object[]{ratings.subjectOf(rating), String.valueOf(rating.ticketId())}, locale));
        if (rating.answered()) {
            String until = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)
                    .format(rating.expiresAt().atZone(ZoneOffset.UTC));
            model.addAttribute("current", messages.getMessage("ratings.page.current", new Object[]{
                    messages.getMessage("ratings.score." + rating.score().key(), null, locale), until}, locale));
        }
        model.addAttribute("scores", Arrays.stream(Score.values()).map(Score::key).toList());
        model.addAttribute("chosen", chosen);
        model.addAttribute("comment", comment != null ? comment : rating.comment());
        model.addAttribute("error", error);
        model.addAttribute("thanks", thanks);
        model.addAttribute("requestId", rating.id());
        return "ratings/rate";
    }

    private String refused(Locale requestLocale, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        return notice(localeOf(null, requestLocale), "invalid", model);
    }

    private String expired(RatingExpired expired, Locale requestLocale, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.GONE.value());
        return notice(localeOf(expired.language(), requestLocale), "expired", model);
    }

    private String notice(Locale locale, String kind, Model model) {
        model.addAttribute("lang", locale.getLanguage());
        model.addAttribute("kind", kind);
        model.addAttribute("title", messages.getMessage("ratings." + kind + ".title", null, locale));
        model.addAttribute("body", messages.getMessage("ratings." + kind + ".body", null, locale));
        return "ratings/notice";
    }

    private Map<String, String> texts(Locale locale, String... keys) {
        Map<String, String> t = new LinkedHashMap<>();
        for (String key : keys) {
            t.put(key, messages.getMessage("ratings." + key, null, locale));
        }
        return t;
    }

    private static final List<String> LANGUAGES = List.of("en", "fr", "de", "vi");

    private static Locale localeOf(String language, Locale fallback) {
        if (language != null && LANGUAGES.contains(language)) {
            return Locale.forLanguageTag(language);
        }
        String own = fallback == null ? "en" : fallback.getLanguage();
        return Locale.forLanguageTag(LANGUAGES.contains(own) ? own : "en");
    }

    private static long requestId(String id) {
        if (id == null || id.length() > 18 || id.isEmpty() || !id.chars().allMatch(Character::isDigit)) {
            throw new RatingLinkRefused();
        }
        return Long.parseLong(id);
    }
}
