package dev.dirsync.it.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dirsync.it.harness.KeycloakIT;
import dev.dirsync.it.harness.KeycloakServer;
import dev.dirsync.it.harness.ScimClient;
import dev.dirsync.it.harness.TestRealm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin console in a real browser (Debian's headless chromium, driven through Debian's chromedriver): an admin
 * logs in, changes a setting on the "Directory sync" tab of Realm settings and creates a provisioning token on the
 * "Provisioning tokens" page; the server's state proves both, and the token then works at the SCIM endpoint.
 * Screenshots land in {@code integration-tests/target/screenshots/<db>/}.
 */
@KeycloakIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminConsoleIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final KeycloakServer server;
    private final TestRealm realm;
    private final WebDriver browser;
    private final Path screenshots;
    private final Path profile;

    AdminConsoleIT(KeycloakServer server) throws IOException {
        this.server = server;
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("the browser test needs Debian's chromium and chromium-driver (apt-get install chromium "
                        + "chromium-driver); .ci/run installs them").isTrue();
        realm = TestRealm.create(server, "console");
        assertThat(realm.admin().put(realm.path(""), Map.of("organizationsEnabled", true)).status()).isEqualTo(204);
        assertThat(realm.admin().post(realm.path("organizations"), Map.of("name", "Acme", "alias", "acme",
                "domains", List.of(Map.of("name", "acme.example")))).status()).isEqualTo(201);
        screenshots = Path.of(System.getProperty("dirsync.it.screenshots", "target/screenshots"))
                .resolve(server.config().db());
        Files.createDirectories(screenshots);
        profile = Files.createTempDirectory("dirsync-chromium-");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--lang=en-US",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(1400, 1000));
        login();
    }

    @AfterAll
    void close() throws IOException {
        browser.quit();
        realm.delete();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private void login() {
        browser.get(server.baseUrl() + "/admin/master/console/");
        WebElement username = waitFor(By.id("username"));
        screenshot("01-login");
        username.sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys(server.adminPassword());
        browser.findElement(By.id("kc-login")).click();
        new WebDriverWait(browser, WAIT).until(d -> d.getCurrentUrl().contains("/console/")
                && !d.findElements(By.cssSelector("nav, [data-testid='realmSelector']")).isEmpty());
    }

    /** Opens a console route (hash routing: load a blank page first, so the console starts on the new route). */
    private void open(String route) {
        browser.get("about:blank");
        browser.get(server.baseUrl() + "/admin/master/console/#/" + realm.name() + "/" + route);
    }

    private WebElement waitFor(By by) {
        return new WebDriverWait(browser, WAIT).until(ExpectedConditions.presenceOfElementLocated(by));
    }

    /** A field of a declarative-UI form by its config property name, however the console names its element. */
    private WebElement field(String property) {
        String p = property;
        return waitFor(By.cssSelector("[id='config." + p + "'], [name='config." + p + "'], [data-testid='config." + p
                + "'], [id='" + p + "'], [data-testid='" + p + "']"));
    }

    private void click(WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].click();", element);
    }

    private void type(String property, String value) {
        WebElement input = field(property);
        input.clear();
        input.sendKeys(value);
    }

    private void screenshot(String name) {
        try {
            Path file = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(file, screenshots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new AssertionError("Could not save screenshot " + name, e);
        }
    }

    /** Clicks the form's Save button and waits until the server holds what {@code saved} checks. */
    private void save(String screenshotName, java.util.function.BooleanSupplier saved) {
        click(waitFor(By.cssSelector("[data-testid='save']")));
        try {
            org.awaitility.Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(250))
                    .until(saved::getAsBoolean);
        } finally {
            screenshot(screenshotName);
        }
    }

    private JsonNode components(String type, String providerId) {
        JsonNode all = realm.admin().get(realm.path("components?type=" + type)).json();
        List<JsonNode> matching = new java.util.ArrayList<>();
        all.forEach(c -> {
            if (providerId.equals(c.path("providerId").asText())) {
                matching.add(c);
            }
        });
        return matching.isEmpty() ? null : matching.get(0);
    }

    @Test
    void directorySyncTab_savesTheRealmsSettings() {
        open("realm-settings/directory-sync");
        WebElement strict = field("scimStrictAttributes");
        assertThat(browser.findElement(By.tagName("body")).getText())
                .contains("Refuse attributes the realm does not store").contains("SCIM endpoint enabled")
                .doesNotContain("directorySyncStrict");
        screenshot("02-realm-settings-directory-sync");
        click(strict);
        save("03-realm-settings-directory-sync-saved", () -> {
            JsonNode settings = components("org.keycloak.services.ui.extend.UiTabProvider", "directory-sync");
            return settings != null && "true".equals(settings.path("config").path("scimStrictAttributes").path(0)
                    .asText());
        });
        ScimClient scim = realm.scim();
        assertThat(scim.post("/Users", Map.of("schemas", List.of("urn:ietf:params:scim:schemas:core:2.0:User"),
                "userName", "strict", "nickName", "Nick")).status()).as("strict mode is on").isEqualTo(400);
    }

    @Test
    void provisioningTokensPage_createsAWorkingToken() {
        open("page-section/directory-sync-tokens");
        waitFor(By.xpath("//*[contains(text(), 'Provisioning tokens')]"));
        screenshot("04-provisioning-tokens-empty");
        open("page-section/directory-sync-tokens/add");
        String secret = "Zq8W1nR4tY7uI0oP3aS6dF9gH2jK5lX8cV1bN4mQ7e=";
        type("name", "Entra ID production");
        type("secret", secret);
        screenshot("05-provisioning-token-new");
        save("06-provisioning-token-saved", () -> realm.admin().get(realm.path("directory-sync/tokens")).json()
                .findValuesAsText("name").contains("Entra ID production"));

        open("page-section/directory-sync-tokens");
        waitFor(By.xpath("//a[contains(text(), 'Entra ID production')]"));
        screenshot("07-provisioning-tokens-list");
        assertThat(browser.getPageSource()).doesNotContain(secret);

        assertThat(realm.scim().withToken(secret).get("/Users").status()).as("the pasted secret authenticates")
                .isEqualTo(200);
    }

    @Test
    void organizationDirectoriesPage_turnsAnOrganizationsEndpointOff() {
        open("page-section/directory-sync-organizations/add");
        type("organization", "acme");
        click(field("scimEnabled"));
        screenshot("08-organization-directory-new");
        save("09-organization-directory-saved", () -> {
            JsonNode entry = components("org.keycloak.services.ui.extend.UiPageProvider",
                    "directory-sync-organizations");
            return entry != null && "false".equals(entry.path("config").path("scimEnabled").path(0).asText());
        });
        open("page-section/directory-sync-organizations");
        waitFor(By.xpath("//a[contains(text(), 'acme')]"));
        screenshot("10-organization-directories-list");
        String token = realm.admin().post(realm.path("directory-sync/tokens"), Map.of("name", "acme",
                "organization", "acme")).json().path("token").asText();
        ScimClient acme = new ScimClient(server, server.baseUrl() + "/realms/" + realm.name()
                + "/directory-sync/organizations/acme/scim/v2", token);
        assertThat(acme.get("/Users").status()).as("the organization's endpoint is off").isEqualTo(404);
    }
}
