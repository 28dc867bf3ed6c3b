package org.regard.ratings.web;

import jakarta.servlet.http.HttpServletResponse;
import org.regard.accounts.Accounts;
import org.regard.accounts.AgentPrincipal;
import org.regard.ratings.Rating;
import org.regard.ratings.RatingForbidden;
import org.regard.ratings.RatingInvalid;
import org.regard.ratings.RatingSettings;
import org.regard.ratings.Ratings;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The agents' side of ratings: the ticket's and the person card's fragments (loaded by htmx, so tickets and customers
 * know nothing of ratings), and the rating requests page of leads and administrators ({@code /ratings/settings}).
 */
@Controller
class RatingController {
    private final Ratings ratings;
    private final RatingSettings settings;
    private final Accounts accounts;
    private final MessageSource messages;

    RatingController(Ratings ratings, RatingSettings settings, Accounts accounts, MessageSource messages) {
        this.ratings = ratings;
        this.settings = settings;
        this.accounts = accounts;
        this.messages = messages;
    }

    @GetMapping("/tickets/{id}/rating")
    String ofTicket(@PathVariable long id, @AuthenticationPrincipal AgentPrincipal agent, Model model) {
        List<Rating> list = ratings.ofTicket(id, agent);
        model.addAttribute("ticketId", id);
        model.addAttribute("rating", list.isEmpty() ? null : list.getFirst());
        return "ratings/fragments :: ticketRating";
    }

    @GetMapping("/customers/{id}/ratings")
    String ofCustomer(@PathVariable long id, @AuthenticationPrincipal AgentPrincipal agent, Model model) {
        model.addAttribute("customerId", id);
        model.addAttribute("rows", ratings.ofCustomer(id, agent));
        return "ratings/fragments :: customerRatings";
    }

    @GetMapping("/ratings/settings")
    String settingsPage(@AuthenticationPrincipal AgentPrincipal agent, Model model) {
        return render(agent, model, null, null);
    }

    @PostMapping("/ratings/settings")
    String change(@RequestParam long team, @RequestParam(defaultValue = "false") boolean enabled,
                  @RequestParam(required = false) String delayHours, @AuthenticationPrincipal AgentPrincipal agent,
                  Locale locale, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            Integer hours = parse(delayHours);
            settings.change(team, enabled, hours, accounts.actor(agent));
            redirect.addFlashAttribute("saved", true);
            return "redirect:/ratings/settings";
        } catch (RatingInvalid invalid) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return render(agent, model, team, messages.getMessage(invalid.code(), null, locale));
        } catch (RatingForbidden forbidden) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }

    private String render(AgentPrincipal agent, Model model, Long errorTeam, String error) {
        List<RatingSettings.Setting> led = settings.led(accounts.actor(agent));
        if (led.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        Map<Long, String> names = accounts.teamNames();
        model.addAttribute("rows", led.stream().map(s -> new Row(s, names.getOrDefault(s.teamId(), "#" + s.teamId()))).toList());
        model.addAttribute("errorTeam", errorTeam);
        model.addAttribute("error", error);
        return "ratings/settings";
    }

    /** One team's row on the settings page. */
    record Row(RatingSettings.Setting setting, String teamName) {
    }

    private static Integer parse(String text) {
        try {
            return text == null || text.isBlank() ? null : Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
