package org.signalaudit.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser on the admin screens: Debian's chromium, headless, driven by Debian's
 * chromedriver through Selenium. Both are named by path, so Selenium never looks for (or
 * downloads) a browser or a driver of its own. Each instance has a fresh profile: no cookie, no
 * cache, no state shared with another test.
 */
public final class Browser implements AutoCloseable {

    public static final String CHROMIUM = System.getProperty("browser.binary", "/usr/bin/chromium");
    public static final String CHROMEDRIVER = System.getProperty("browser.driver", "/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(20);
    /**
     * How often a wait asks the browser again. Selenium's default is 500 ms: a step whose condition
     * does not hold at the first look (a page still loading, an ajax update under way) then waits
     * up to half a second after it holds. Every 50 ms ends the wait soon after; each look is one
     * small script or lookup run by chromedriver. The conditions and the patience are unchanged.
     */
    private static final Duration POLL = Duration.ofMillis(50);
    private static final String DOWNLOADS = "downloads";
    private static final String DETACHED_NODE = "does not belong to the document";

    private final URI base;
    private final Path profile;
    private final ChromeDriver driver;
    private final FluentWait<WebDriver> wait;

    private Browser(URI base, Path profile, ChromeDriver driver) {
        this.base = base;
        this.profile = profile;
        this.driver = driver;
        // A page that is navigating away cannot run the settle script for a moment: try again.
        this.wait = new WebDriverWait(driver, WAIT, POLL).ignoring(JavascriptException.class);
    }

    /** A browser on the application whose base URL (ending in the context root) is {@code base}. */
    public static Browser open(URI base) {
        try {
            Path profile = Files.createTempDirectory("signal-audit-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--no-first-run",
                    "--disable-features=HttpsUpgrades,HttpsFirstBalancedModeAutoEnable,PasswordLeakDetection",
                    "--window-size=1440,1000", "--user-data-dir=" + profile);
            // Downloads land in the profile, without asking, where download() looks for them.
            options.setExperimentalOption("prefs", Map.of(
                    "download.default_directory", profile.resolve(DOWNLOADS).toString(),
                    "download.prompt_for_download", false));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(CHROMEDRIVER))
                    .usingAnyFreePort()
                    .build();
            return new Browser(base, profile, new ChromeDriver(service, options));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens a page below the context root, e.g. {@code admin/users.xhtml}. */
    public Browser go(String path) {
        driver.get(base.resolve(path).toString());
        settle();
        return this;
    }

    /** Signs in through the sign-in form and waits for the page it leads to. */
    public Browser signIn(String username, String password) {
        go("admin/signin");
        type(By.id("signin:username"), username);
        type(By.id("signin:password"), password);
        submit(By.id("signin:go"));
        return this;
    }

    /** Clicks a button that sends the whole page (no ajax) and waits for the page that answers. */
    public Browser submit(By locator) {
        WebElement page = driver.findElement(By.tagName("html"));
        until(ExpectedConditions.elementToBeClickable(locator)).click();
        until(d -> detached(page));
        settle();
        return this;
    }

    public WebElement find(By locator) {
        return until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    public List<WebElement> all(By locator) {
        return driver.findElements(locator);
    }

    public boolean present(By locator) {
        return !driver.findElements(locator).isEmpty();
    }

    public Browser type(By locator, String text) {
        WebElement field = find(locator);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /** Clicks and waits until the page (or its ajax update) has settled. */
    public Browser click(By locator) {
        until(ExpectedConditions.elementToBeClickable(locator)).click();
        settle();
        return this;
    }

    /** Clicks a link or button that downloads a file and returns the file once it is complete. */
    public Path download(By locator) {
        Path downloads = profile.resolve(DOWNLOADS);
        until(ExpectedConditions.elementToBeClickable(locator)).click();
        return wait.until(d -> {
            try (Stream<Path> files = Files.exists(downloads) ? Files.list(downloads) : Stream.empty()) {
                return files.filter(file -> !file.getFileName().toString().endsWith(".crdownload")).findFirst()
                        .orElse(null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    public String text(By locator) {
        return find(locator).getText();
    }

    /** Waits until the element shows {@code text} (after an ajax update, say). */
    public Browser waitForText(By locator, String text) {
        until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
        return this;
    }

    public Browser waitFor(By locator) {
        find(locator);
        return this;
    }

    /** Replaces the session cookie with one the server never issued: the session is gone. */
    public Browser loseSession() {
        driver.manage().deleteCookieNamed("JSESSIONID");
        driver.manage().addCookie(new Cookie("JSESSIONID", "ended-" + System.nanoTime(), base.getPath()));
        return this;
    }

    /** Waits until the browser shows a page whose title starts with {@code prefix}. */
    public Browser waitForTitle(String prefix) {
        wait.until(d -> d.getTitle().startsWith(prefix));
        settle();
        return this;
    }

    public String title() {
        return driver.getTitle();
    }

    public String url() {
        return driver.getCurrentUrl();
    }

    public String source() {
        return driver.getPageSource();
    }

    /** Whether a script of the page opened an alert: the sign of a script that should have been text. */
    public boolean alertShown() {
        try {
            driver.switchTo().alert();
            return true;
        } catch (NoAlertPresentException e) {
            return false;
        }
    }

    /** Saves what the browser shows as a PNG, and the page's HTML beside it. */
    public void screenshot(Path png) {
        try {
            Files.createDirectories(png.getParent());
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), png, StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(png.resolveSibling(png.getFileName().toString().replaceFirst("\\.png$", ".html")),
                    driver.getPageSource());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code wait.until(condition)}, where an element that left the document while the condition
     * looked at it (the page navigated or an ajax update replaced it) means "not yet": Selenium's
     * conditions expect a stale element reference for that, but chromedriver at times reports it as
     * an unknown error, "Node with given id does not belong to the document".
     */
    private <T> T until(Function<WebDriver, T> condition) {
        return wait.until(d -> {
            try {
                return condition.apply(d);
            } catch (WebDriverException e) {
                if (isDetached(e)) {
                    return null;
                }
                throw e;
            }
        });
    }

    /** Whether {@code element} has left the document: the page it was on has gone. */
    private static boolean detached(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (WebDriverException e) {
            if (isDetached(e)) {
                return true;
            }
            throw e;
        }
    }

    private static boolean isDetached(WebDriverException e) {
        return e instanceof StaleElementReferenceException
                || String.valueOf(e.getMessage()).contains(DETACHED_NODE);
    }

    /** The document is loaded and no PrimeFaces or jQuery request is under way. */
    private void settle() {
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return document.readyState === 'complete'"
                        + " && (typeof jQuery === 'undefined' || jQuery.active === 0)"
                        + " && (typeof PrimeFaces === 'undefined' || PrimeFaces.ajax.Queue.isEmpty());")));
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteProfile();
        }
    }

    private void deleteProfile() {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
