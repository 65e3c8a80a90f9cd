package org.signalaudit.testing;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The browsers of a test, as a JUnit 5 extension ({@code @RegisterExtension}): a test opens the
 * browsers it needs; when it fails, each one's screen and HTML are saved under
 * {@code target/screenshots} (before any {@code @AfterEach} runs); then they are closed.
 */
public final class Browsers implements AfterTestExecutionCallback, AfterEachCallback {

    private static final Path SCREENSHOTS = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));

    private final List<Browser> open = new ArrayList<>();

    public Browser open(URI base) {
        Browser browser = Browser.open(base);
        open.add(browser);
        return browser;
    }

    /** Where a test keeps the pictures it takes on purpose (the README's screenshots among them). */
    public static Path screenshot(String name) {
        return SCREENSHOTS.resolve("screens").resolve(name + ".png");
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isEmpty()) {
            return;
        }
        String test = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
        for (int i = 0; i < open.size(); i++) {
            try {
                open.get(i).screenshot(SCREENSHOTS.resolve(test + (i == 0 ? "" : "-" + i) + ".png"));
            } catch (RuntimeException e) {
                context.getExecutionException().get().addSuppressed(e);
            }
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        try {
            open.forEach(Browser::close);
        } finally {
            open.clear();
        }
    }
}
