package dev.bricks.local.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bricks.local.app.LocalApp;
import java.io.File;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

/**
 * The console in a real browser: Debian's headless Chromium driven by Selenium through the system's
 * chromedriver (nothing downloaded). Opens the console, places an order through the API and sees its trace
 * arrive live, expands it to every step with log lines, filters, moves between tabs with the keyboard and
 * invokes a function from the page; writes screenshots to {@code target/console-screenshots/}.
 *
 * <p>Without Chromium it fails when {@code CI} is set (CI installs {@code chromium} and
 * {@code chromium-driver}) and is skipped with a message elsewhere. {@code BRICKS_CHROMIUM} and
 * {@code BRICKS_CHROMEDRIVER} point at other binaries.
 */
class ConsoleBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    private static ChromeDriver driver;
    private static Path profile;

    @BeforeAll
    static void openBrowser() throws IOException {
        Path chromium = Path.of(env("BRICKS_CHROMIUM", "/usr/bin/chromium"));
        Path chromedriver = Path.of(env("BRICKS_CHROMEDRIVER", "/usr/bin/chromedriver"));
        boolean present = Files.isExecutable(chromium) && Files.isExecutable(chromedriver);
        String missing = "headless Chromium is needed for the console's browser test: " + chromium + " and "
                + chromedriver + " (Debian: apt-get install chromium chromium-driver)";
        if (!present && System.getenv("CI") != null) {
            throw new AssertionError(missing + " — CI must install them (.ci/run does)");
        }
        Assumptions.assumeTrue(present, missing + "; skipped outside CI");
        profile = Files.createTempDirectory("bricks-console-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--window-size=1280,900",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(chromedriver.toString()))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void closeBrowser() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted((a, b) -> b.getNameCount() - a.getNameCount())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void console_orderPlacedThroughTheApi_traceArrivesLiveExpandsFiltersAndInvokes() throws Exception {
        LocalApp app = ConsoleTestApp.get();
        driver.get(app.console().orElseThrow().urlWithToken().toString());
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        wait.ignoring(StaleElementReferenceException.class); // live updates re-render rows between find and read
        wait.until(d -> d.findElement(By.id("live")).getText().equals("live"));
        assertThat(driver.getCurrentUrl()).doesNotContain("token="); // taken from the fragment, then removed
        assertThat(driver.findElement(By.id("token")).getAttribute("value"))
                .isEqualTo(app.console().orElseThrow().token());
        ((JavascriptExecutor) driver).executeScript("window.notReloaded = true;");

        assertThat(ConsoleTestApp.placeOrder(HttpClient.newHttpClient(), "o-browser", "corr-browser-1")
                        .statusCode())
                .isEqualTo(201);

        By row = By.cssSelector("#traces > li[data-trace-id='corr-browser-1'] .trace-row");
        wait.until(d -> !d.findElements(row).isEmpty());
        assertThat(((JavascriptExecutor) driver).executeScript("return window.notReloaded === true;"))
                .isEqualTo(true);
        wait.until(d -> d.findElement(row).getText().contains("POST /orders/o-browser → 201"));
        wait.until(
                d -> { // a button: keyboard works as the mouse does
                    d.findElement(row).sendKeys(Keys.ENTER);
                    return true;
                });
        wait.until(d -> "true".equals(d.findElement(row).getAttribute("aria-expanded")));
        // the chain completes while the trace is open (the last invocation is recorded when it returned, after
        // its mail); read in one script, so a live re-render cannot swap the elements between finding and reading
        List<String> kinds = wait.until(d -> {
            @SuppressWarnings("unchecked")
            List<String> now = (List<String>) ((JavascriptExecutor) d)
                    .executeScript("return Array.from(document.querySelectorAll("
                            + "\"#traces > li[data-trace-id='corr-browser-1'] .timeline > li\"))"
                            + ".map(e => e.getAttribute('data-kind'));");
            return now.size() >= 8 ? now : null;
        });
        assertThat(kinds)
                .containsSubsequence(
                        "HTTP",
                        "INVOCATION",
                        "ITEM_WRITE",
                        "STREAM_BATCH",
                        "INVOCATION",
                        "EVENT",
                        "INVOCATION",
                        "MAIL");
        String timeline =
                wait.until(d -> d.findElement(By.cssSelector("#traces > li[data-trace-id='corr-browser-1'] .timeline"))
                        .getText());
        assertThat(timeline).contains("placing order o-browser").contains("mailing order o-browser");
        screenshot("console-trace.png");

        HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(app.url("/not/a/route"))
                                .header("x-correlation-id", "corr-browser-other")
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
        wait.until(d -> !d.findElements(By.cssSelector("#traces > li[data-trace-id='corr-browser-other']"))
                .isEmpty());
        WebElement filter = driver.findElement(By.id("filter"));
        filter.sendKeys("corr-browser-1");
        wait.until(d -> d.findElements(By.cssSelector("#traces > li")).size() == 1);
        String onlyTrace =
                wait.until(d -> d.findElement(By.cssSelector("#traces > li")).getAttribute("data-trace-id"));
        assertThat(onlyTrace).isEqualTo("corr-browser-1");
        filter.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        wait.until(d -> d.findElements(By.cssSelector("#traces > li")).size() > 1);

        driver.findElement(By.id("tab-traces")).sendKeys(Keys.ARROW_RIGHT);
        wait.until(d -> "true".equals(d.findElement(By.id("tab-functions")).getAttribute("aria-selected")));
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("tab-functions");
        wait.until(d -> !d.findElements(By.cssSelector("#functions tr[data-function='MailFn']"))
                .isEmpty());
        new Select(driver.findElement(By.id("invoke-function"))).selectByValue("MailFn");
        new Select(driver.findElement(By.id("invoke-sample"))).selectByValue("MailFn/order-placed.json");
        wait.until(
                d -> d.findElement(By.id("invoke-event")).getAttribute("value").contains("from-sample"));
        driver.findElement(By.id("invoke-button")).click();
        wait.until(d -> d.findElement(By.id("invoke-result")).getText().startsWith("ok"));
        assertThat(driver.findElement(By.id("invoke-result")).getText())
                .contains("correlation corr-sample")
                .contains("\"mailed\": \"from-sample\"");
        driver.findElement(By.id("theme")).click();
        wait.until(d -> "true".equals(d.findElement(By.id("theme")).getAttribute("aria-pressed")));
        screenshot("console-functions-dark.png");
    }

    @Test
    void console_eventMatchingNoRule_flaggedInItsTraceAndTheBusView() {
        LocalApp app = ConsoleTestApp.get();
        driver.get("about:blank"); // a fresh page, whatever the other test left (same URL: no reload)
        driver.get(app.console().orElseThrow().urlWithToken().toString());
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        wait.ignoring(StaleElementReferenceException.class);
        wait.until(d -> d.findElement(By.id("live")).getText().equals("live"));
        try (EventBridgeClient events = EventBridgeClient.builder()
                .endpointOverride(app.endpoints().eventBridge())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                .build()) {
            events.putEvents(b -> b.entries(PutEventsRequestEntry.builder()
                    .eventBusName("orders")
                    .source("nobody.listens")
                    .detailType("OrderPlaced")
                    .detail("{\"_correlation_id\":\"corr-browser-unmatched\"}")
                    .build()));
        }

        By row = By.cssSelector("#traces > li[data-trace-id='corr-browser-unmatched'] .trace-row");
        wait.until(d -> !d.findElements(row).isEmpty());
        driver.findElement(row).click();
        By badge = By.cssSelector(
                "#traces > li[data-trace-id='corr-browser-unmatched'] li[data-kind='EVENT'] .badge.warn");
        String badgeText = wait.until(d -> d.findElement(badge).getText());
        assertThat(badgeText).isEqualTo("no rule matched");
        driver.findElement(By.id("tab-data")).click();
        By unmatched = By.cssSelector("#bus li.unmatched");
        String line = wait.until(d -> d.findElements(unmatched).stream()
                .map(WebElement::getText)
                .filter(t -> t.contains("nobody.listens"))
                .findFirst()
                .orElse(null));
        assertThat(line)
                .contains("orders · nobody.listens / OrderPlaced")
                .contains("no rule matched")
                .contains("correlation corr-browser-unmatched");
        driver.get("about:blank");
    }

    private static void screenshot(String name) throws IOException {
        Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    private static String env(String name, String absent) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? absent : v;
    }
}
