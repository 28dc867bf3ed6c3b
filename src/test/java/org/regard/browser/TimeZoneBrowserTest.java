package org.regard.browser;

import org.junit.jupiter.api.Test;
import org.regard.accounts.Role;
import org.regard.accounts.TeamView;
import org.regard.accounts.TimeZones;
import org.regard.support.Browser;
import org.regard.support.BrowserTest;
import org.regard.support.TestData;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The profile proposes the browser's time zone in one click; the teams page keeps its shape with the zone column. */
@BrowserTest
class TimeZoneBrowserTest {
    @Autowired
    TestData data;
    @Autowired
    TimeZones zones;

    @Test
    void theProfileProposesTheBrowsersZoneAndSavesIt(Browser browser) {
        TeamView team = data.team("tzb");
        var agent = data.named("Lan Pham", Role.AGENT, "en", team);
        // (a browser names some zones by their older alias, Asia/Saigon for Asia/Ho_Chi_Minh: the list has both, same rules)
        browser.driver().executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", "Europe/Paris"));
        browser.signIn(agent.email(), agent.password());
        browser.open("/profile");
        browser.waitUntil(d -> browser.find("#profile-zone-browser").isDisplayed());
        assertThat(browser.find("#profile-zone-use-browser").getText()).contains("Europe/Paris").doesNotContain("{0}");
        assertThat(browser.seriousAccessibilityProblems()).isEmpty();
        browser.find("#profile-zone-use-browser").click();
        assertThat(new Select(browser.find("#profile-zone")).getFirstSelectedOption().getDomAttribute("value"))
                .isEqualTo("Europe/Paris");
        browser.find("#profile-zone-save").click();
        browser.waitUntil(d -> !browser.findAll("#profile-message").isEmpty());
        assertThat(zones.ofAgent(agent.id())).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(browser.find("#profile-zone-hint").getText()).contains("Europe/Paris");
        assertThat(browser.find("#profile-zone-browser").isDisplayed()).as("nothing to propose: it is the one chosen").isFalse();
    }

    @Test
    void anAdministratorSetsATeamsZoneOnTheTeamsPage(Browser browser) {
        TeamView team = data.team("tzadmin");
        var admin = data.named("Aline Roux", Role.ADMIN, "fr");
        browser.signIn(admin.email(), admin.password());
        browser.open("/admin/teams");
        assertThat(browser.seriousAccessibilityProblems()).isEmpty();
        browser.find("#team-zone-" + team.id()).sendKeys("America/New_York");
        browser.find("#team-zone-save-" + team.id()).click();
        browser.waitUntil(d -> "America/New_York".equals(browser.find("#team-zone-" + team.id()).getDomProperty("value")));
        assertThat(zones.ofTeam(team.id())).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(browser.scrollsSideways()).isFalse();
    }
}
