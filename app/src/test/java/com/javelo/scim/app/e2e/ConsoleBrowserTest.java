package com.javelo.scim.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The company admin's console in a real browser: Debian's headless Chromium driven by its
 * chromedriver through Selenium (nothing is downloaded), against the real server on H2. Each page
 * is saved as a screenshot under {@code app/target/screenshots/} for a reviewer to look at.
 */
class ConsoleBrowserTest extends EndToEndTest {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("SCIM_TEST_CHROMIUM", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER =
            Path.of(System.getenv().getOrDefault("SCIM_TEST_CHROMEDRIVER", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final String HOSTILE = "<img src=x onerror=alert(1)>";

    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String message = "Chromium or chromedriver is missing (" + CHROMIUM + ", " + CHROMEDRIVER
                    + "); install Debian's 'chromium' and 'chromium-driver' (.ci/run does)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(message + "; under CI=true the browser tests are mandatory");
            }
            Assumptions.abort(message + "; skipping the browser test");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--window-size=1280,2000",
                "--no-first-run",
                "--disable-extensions",
                "--disable-sync",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-default-apps");
        // The driver is given: Selenium Manager is never asked to find or download one.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anOperatorActivatesOktaAndACompanyAdminSeesWhatTheIdentityProviderDid() {
        server = TestServer.start(TestServer.Database.H2);
        assertThat(admin("POST", "/admin/v1/tenants", "{\"name\":\"Globex\"}").status())
                .isEqualTo(201);
        browser.get(server.baseUrl() + "/console/");
        visible("token-input");
        screenshot("01-sign-in");
        signIn(TestServer.ADMIN_TOKEN);

        visible("create-company-form");
        assertThat(text("company-rows")).contains("Globex");
        type("company-name", "Acme Browser Test");
        screenshot("02-companies");
        click("create-company");
        wait.until(ExpectedConditions.textToBe(By.id("integration-state"), "Not activated"));
        tenantId = browser.getCurrentUrl().substring(browser.getCurrentUrl().lastIndexOf('/') + 1);

        click("activate");
        visible("token-panel");
        String first = value("new-token");
        assertThat(first).startsWith("jscim_");
        assertThat(value("scim-base-url")).isEqualTo(server.baseUrl() + "/scim/v2");
        assertThat(text("token-panel")).contains("it will not be shown again");
        wait.until(ExpectedConditions.textToBe(By.id("integration-state"), "Active"));
        screenshot("03-activated-token-shown-once");
        token = first;
        assertThat(okta("GET", "/Users", null).status()).isEqualTo(200);
        click("hide-token");

        click("regenerate");
        visible("confirm");
        assertThat(text("confirm-text")).contains("stops working at once");
        screenshot("04-regenerate-confirmation");
        click("confirm-ok");
        wait.until(driver -> !value("new-token").isEmpty());
        String second = value("new-token");
        assertThat(second).isNotEqualTo(first);
        assertThat(okta("GET", "/Users", null).status()).isEqualTo(401);
        token = second;
        assertThat(okta("GET", "/Users", null).status()).isEqualTo(200);
        click("hide-token");

        click("issue-console-token");
        visible("console-token-panel");
        String consoleToken = value("new-console-token");
        assertThat(consoleToken).startsWith("jcons_");

        // More writes than a page (20) holds, so that the log pages.
        for (int i = 0; i < 20; i++) {
            assertThat(okta("POST", "/Users", CompanyConsoleApiTest.user("bulk-" + i + "@acme.example", null))
                            .status())
                    .isEqualTo(201);
        }
        assertThat(okta("POST", "/Users", CompanyConsoleApiTest.user(HOSTILE, null))
                        .status())
                .isEqualTo(201);
        assertThat(okta("POST", "/Users", CompanyConsoleApiTest.user("dana@acme.example", "boss@acme.example"))
                        .status())
                .isEqualTo(201);
        String conflict = okta("POST", "/Users", CompanyConsoleApiTest.user("DANA@acme.example", null))
                .json()
                .get("detail")
                .asText();

        click("sign-out");
        visible("token-input");
        signIn(consoleToken);
        wait.until(ExpectedConditions.textToBe(By.id("company-name-title"), "Acme Browser Test"));
        assertThat(browser.findElement(By.id("who")).getText()).contains("Acme Browser Test");
        assertThat(browser.findElement(By.id("console-token-card")).isDisplayed())
                .isFalse();
        assertThat(browser.findElement(By.id("back")).isDisplayed()).isFalse();
        // The scimType, not "409": a request id such as 58bf3425-0a45-4091-… contains "409" too.
        awaitNewestActivity("uniqueness");

        List<WebElement> rows = browser.findElements(By.cssSelector("#activity-rows tr"));
        assertThat(rows.get(0).getText()).contains("409").contains("uniqueness").contains(conflict);
        assertThat(text("activity-rows")).contains(HOSTILE);
        assertThat(browser.findElements(By.cssSelector("#activity-rows img"))).isEmpty();
        assertNoAlert();
        assertThat(text("pending-rows")).contains("dana@acme.example").contains("boss@acme.example");
        assertThat(text("fig-active")).isEqualTo("22");
        assertThat(text("token-last-client")).startsWith("Okta");
        screenshot("05-company-admin-activity");
        assertThat(browser.findElements(By.cssSelector("#activity-rows tr"))).hasSize(20);
        click("older");
        wait.until(driver ->
                driver.findElements(By.cssSelector("#activity-rows tr")).size() == 3);
        assertThat(text("activity-rows")).contains("bulk-0@acme.example").doesNotContain("bulk-3@");
        assertThat(browser.findElement(By.id("older")).isEnabled()).isFalse();
        screenshot("05b-activity-older-page");
        click("newer");
        wait.until(driver ->
                driver.findElements(By.cssSelector("#activity-rows tr")).size() == 20);

        click("errors-only");
        wait.until(driver ->
                driver.findElements(By.cssSelector("#activity-rows tr")).size() == 1);
        assertThat(text("activity-rows")).contains(conflict).doesNotContain(HOSTILE);
        screenshot("06-activity-errors-only");

        click("test-connection");
        visible("test-result");
        assertThat(text("test-checks"))
                .contains("Okta Test API Credentials")
                .contains("HTTP 200")
                .contains("Entra Test Connection");
        screenshot("07-test-connection");

        click("deactivate");
        visible("confirm");
        click("confirm-ok");
        wait.until(ExpectedConditions.textToBe(By.id("integration-state"), "Not activated"));
        assertThat(browser.findElement(By.id("test-result")).isDisplayed()).isFalse();
        assertThat(okta("GET", "/Users", null).status()).isEqualTo(401);
        screenshot("08-deactivated");
        assertNoAlert();
    }

    private void signIn(String secret) {
        type("token-input", secret);
        click("sign-in");
    }

    /** The log is written in the background: refreshes (bounded) until the newest row shows {@code expected}. */
    private void awaitNewestActivity(String expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (browser.findElements(By.cssSelector("#activity-rows tr")).isEmpty()
                || !browser.findElements(By.cssSelector("#activity-rows tr"))
                        .get(0)
                        .getText()
                        .contains(expected)) {
            assertThat(System.nanoTime()).as("activity rows shown in time").isLessThan(deadline);
            click("refresh-activity");
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private void assertNoAlert() {
        try {
            browser.switchTo().alert();
            throw new AssertionError("a script ran: an alert is open");
        } catch (NoAlertPresentException expected) {
            // escaped: the hostile userName is text, not markup
        }
    }

    private WebElement visible(String id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    private void click(String id) {
        wait.until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
    }

    private void type(String id, String text) {
        WebElement field = visible(id);
        field.clear();
        field.sendKeys(text);
    }

    private String value(String id) {
        return browser.findElement(By.id(id)).getDomProperty("value");
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.copy(
                    browser.getScreenshotAs(OutputType.FILE).toPath(),
                    SCREENSHOTS.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
