package org.dedup.app.console;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's headless Chromium driven through its chromedriver (packages {@code chromium}, {@code chromium-driver}). */
final class HeadlessChromium {
    private static final Path BROWSER = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private HeadlessChromium() {
    }

    /** Why the browser tests cannot run here, naming the Debian packages to install; empty when they can. */
    static Optional<String> missing() {
        List<String> packages = new java.util.ArrayList<>();
        if (!Files.isExecutable(BROWSER)) {
            packages.add("chromium (" + BROWSER + ")");
        }
        if (!Files.isExecutable(DRIVER)) {
            packages.add("chromium-driver (" + DRIVER + ")");
        }
        return packages.isEmpty() ? Optional.empty() : Optional.of("CONSOLE BROWSER TESTS SKIPPED: missing Debian "
                + "package(s) " + String.join(", ", packages) + "; install them with "
                + "`apt-get install -y chromium chromium-driver` (.ci/run does)");
    }

    /** A laptop-sized headless window; the sandbox is off because CI runs as root. */
    static WebDriver start() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1366,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER.toString())).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
