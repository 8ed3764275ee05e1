package org.dedup.app.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's flows in headless Chromium against a real server on PostgreSQL. Without Debian's chromium and
 * chromium-driver the tests are skipped, loudly: a WARN line and the assumption's message name the packages.
 * The flows save screenshots of the main pages (review, groups, rules, model, settings, history) as
 * {@code console-<page>.png} into target/console-screenshots, or into {@code -Ddedup.console.screenshots=DIR} (the
 * README's images in docs/ are made that way).
 */
class ConsoleBrowserTest {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleBrowserTest.class);
    private static ConsoleOnPostgres console;
    private static WebDriver browser;

    private static final Optional<String> MISSING = HeadlessChromium.missing();

    @BeforeAll
    static void start() throws Exception {
        if (MISSING.isPresent()) {
            LOG.warn(MISSING.get());
            return;
        }
        console = ConsoleOnPostgres.start("console_browser");
        browser = HeadlessChromium.start();
    }

    /** Each test is reported skipped, with the message naming the missing packages. */
    @BeforeEach
    void needsChromium() {
        Assumptions.assumeTrue(MISSING.isEmpty(), MISSING.orElse(""));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (console != null) {
            console.close();
        }
    }

    private void signIn() {
        browser.manage().deleteAllCookies();
        browser.get(console.url("/console"));
        assertEquals("Sign in", heading());
        WebElement key = browser.findElement(By.id("api-key"));
        assertEquals("Tenant API key", browser.findElement(By.cssSelector("label[for=api-key]")).getText());
        loadsAPage(() -> key.sendKeys(ConsoleOnPostgres.KEY, Keys.ENTER));
        assertEquals("Review queue", heading());
    }

    private String heading() {
        return browser.findElement(By.tagName("h1")).getText();
    }

    private void open(JsonNode item) {
        browser.get(console.url("/console/review/" + item.get("id").asText()));
        assertTrue(heading().startsWith("Review item"), heading());
    }

    private void press(String button) {
        loadsAPage(() -> browser.findElement(By.xpath("//button[normalize-space()='" + button + "']")).click());
    }

    private void follow(String link) {
        loadsAPage(() -> browser.findElement(By.linkText(link)).click());
    }

    /** Does {@code action} and waits until the page it leaves is gone, so what follows reads the next page. */
    private static void loadsAPage(Runnable action) {
        WebElement leaving = browser.findElement(By.tagName("html"));
        action.run();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> isGone(leaving));
    }

    /** Chromium reports an element of the page it has just left as stale, or as not belonging to the document. */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /** The id of the item's record whose lead is in {@code pipeline}. */
    private static String recordIn(JsonNode item, String pipeline) {
        for (JsonNode record : item.get("records")) {
            if (record.path("record").path("stage").path("pipeline").asText().equals(pipeline)) {
                return record.get("id").asText();
            }
        }
        throw new AssertionError("no record in pipeline " + pipeline + ": " + item);
    }

    @Test
    void signInAndSignOut() {
        signIn();
        press("Sign out");
        assertEquals("Sign in", heading());
        browser.get(console.url("/console/review"));
        assertEquals("Sign in", heading());
    }

    @Test
    void resolveAReviewItemByMergingWithChosenFields() throws Exception {
        JsonNode item = console.pendingItem("Maria Lopez", "Mary Lopes");
        String partners = recordIn(item, "partners");
        String sales = recordIn(item, "sales");
        signIn();
        open(item);
        assertTrue(browser.findElements(By.cssSelector("#side-by-side tr.differs")).size() > 0,
                "the differing fields are highlighted");
        screenshot("review");
        browser.findElement(By.cssSelector("input[name=survivor][value='" + partners + "']")).click();
        new Select(browser.findElement(By.id("choice-stage"))).selectByValue(sales);
        new Select(browser.findElement(By.id("choice-name"))).selectByValue(sales);
        press("Preview merge");
        assertEquals("Merge preview", heading());
        String preview = browser.findElement(By.id("merge-preview")).getText();
        assertTrue(preview.contains("stage sales/new"), preview);
        assertTrue(preview.contains("name Maria Lopez"), preview);
        assertEquals("open", console.item(item.get("id").asText()).get("status").asText(),
                "nothing is written before the merge is confirmed");
        press("Confirm merge");
        assertEquals("Review queue", heading());
        assertEquals("merged", console.item(item.get("id").asText()).get("status").asText());
        JsonNode survivor = console.api("GET", "/v1/leads/" + partners, null);
        assertEquals("Maria Lopez", survivor.get("name").asText(), survivor.toString());
        assertTrue(survivor.toString().contains("sales"), survivor.toString());
    }

    @Test
    void markAPairNotADuplicate() throws Exception {
        JsonNode item = console.pendingItem("Jon Smyth", "John Smith");
        signIn();
        open(item);
        press("Not a duplicate");
        assertEquals("Review queue", heading());
        assertEquals("not_duplicate", console.item(item.get("id").asText()).get("status").asText());
    }

    @Test
    void aLeadNamedScriptIsShownAsTextAndNotRun() throws Exception {
        JsonNode item = console.pendingItem("<script>window.pwned=1</script>", "Eve");
        signIn();
        open(item);
        assertEquals(Boolean.TRUE, ((JavascriptExecutor) browser).executeScript(
                "return typeof window.pwned === 'undefined'"));
        assertTrue(browser.findElement(By.id("side-by-side")).getText().contains("<script>window.pwned=1</script>"));
    }

    @Test
    void undoAMergeFromTheHistory() throws Exception {
        JsonNode item = console.pendingItem("Lea Park", "Leah Park");
        JsonNode merged = console.api("POST", "/v1/review/" + item.get("id").asText() + "/merge", "{}");
        String merge = merged.get("detail").asText().replace("merge ", "");
        signIn();
        follow("Merge history");
        assertEquals("Merge history", heading());
        loadsAPage(() -> browser.findElement(By.cssSelector("button[aria-label='Undo merge " + merge + "']")).click());
        assertEquals("Merge history", heading());
        String row = browser.findElement(By.cssSelector("tr[data-merge='" + merge + "']")).getText();
        assertTrue(row.contains("undone by console"), row);
        screenshot("history");
        assertEquals(List.of(true), undone(merge));
    }

    @Test
    void filterTheDecisionLogByOutcome() throws Exception {
        console.pendingItem("Ola Berg", "Ola Borg");
        signIn();
        follow("Decision log");
        new Select(browser.findElement(By.id("outcome"))).selectByVisibleText("pending_review");
        press("Filter");
        assertTrue(browser.getCurrentUrl().contains("outcome=pending_review"), browser.getCurrentUrl());
        List<String> outcomes = browser.findElements(By.cssSelector("#decisions tbody tr td:nth-child(2)")).stream()
                .map(WebElement::getText).distinct().toList();
        assertEquals(List.of("pending_review"), outcomes);
    }

    @Test
    void changeASettingAndSeeTheDryRun() throws Exception {
        console.pendingItem("Ivy Stone", "Ivy Stoner");
        console.api("PUT", "/v1/settings", "{\"methods\": [\"phone\"]}");
        signIn();
        follow("Settings");
        assertEquals("Settings", heading());
        browser.findElement(By.cssSelector("input[name=methods][value=email]")).click();
        new Select(browser.findElement(By.id("conflictPolicy"))).selectByValue("keep_existing");
        press("Dry run");
        String report = browser.findElement(By.id("dry-run")).getText();
        assertTrue(report.contains("Dry run: nothing saved yet") && report.contains("Leads checked"), report);
        assertEquals("[\"phone\"]", console.api("GET", "/v1/settings", null).get("methods").toString(),
                "a dry run saves nothing");
        screenshot("settings");
        press("Save these settings");
        assertEquals("Settings", heading());
        JsonNode saved = console.api("GET", "/v1/settings", null);
        assertEquals("[\"email\",\"phone\"]", saved.get("methods").toString());
        assertEquals("keep_existing", saved.get("conflictPolicy").asText());
        console.api("PUT", "/v1/settings", "{\"methods\": [\"phone\"]}");
    }

    @Test
    void changeTheMatchedFieldsTheScopeAndTheTaskSeeTheDryRunSaveAndFindThemKept() throws Exception {
        console.api("PUT", "/v1/settings", "{\"methods\": [\"phone\"]}");
        JsonNode before = console.api("GET", "/v1/settings", null);
        signIn();
        follow("Settings");
        assertEquals(List.of(), unlabelledControls(), "every control of the form has a label");
        browser.findElement(By.cssSelector("input[name=methods][value=custom_field]")).sendKeys(Keys.SPACE);
        type("matchedFields[0].key", "budget");
        new Select(control("matchedFields[0].type")).selectByValue("numeric");
        type("scope[0].pipeline", "sales");
        type("scope[0].stages", "new, incoming");
        control("afterMergeTask.on").sendKeys(Keys.SPACE);
        type("afterMergeTask.text", "Call back the customer");
        type("afterMergeTask.responsible", "team-b");
        type("afterMergeTask.dueInMinutes", "90");
        loadsAPage(() -> control("afterMergeTask.dueInMinutes").sendKeys(Keys.ENTER));
        String report = browser.findElement(By.id("dry-run")).getText();
        assertTrue(report.contains("Dry run: nothing saved yet") && report.contains("Leads checked"), report);
        assertEquals(before, console.api("GET", "/v1/settings", null), "a dry run saves nothing");
        press("Save these settings");
        browser.navigate().refresh();
        assertEquals("Settings", heading());
        assertEquals(List.of("budget", "numeric", "lead", "sales", "incoming, new", "Call back the customer", "90",
                "team-b"), values("matchedFields[0].key", "matchedFields[0].type", "matchedFields[0].level",
                "scope[0].pipeline", "scope[0].stages", "afterMergeTask.text", "afterMergeTask.dueInMinutes",
                "afterMergeTask.responsible"), "the form shows what was saved");
        assertTrue(control("afterMergeTask.on").isSelected());
        JsonNode saved = console.api("GET", "/v1/settings", null);
        assertEquals("[{\"key\":\"budget\",\"type\":\"numeric\",\"level\":\"lead\"}]",
                saved.get("matchedFields").toString());
        assertEquals("{\"sales\":[\"incoming\",\"new\"]}", saved.get("scope").toString());
        assertEquals("{\"text\":\"Call back the customer\",\"dueInMinutes\":90,\"responsible\":\"team-b\"}",
                saved.get("afterMergeTask").toString());
        assertEquals("[\"custom_field\",\"phone\"]", saved.get("methods").toString());

        control("matchedFields[0].remove").sendKeys(Keys.SPACE);
        control("scope[0].remove").sendKeys(Keys.SPACE);
        control("afterMergeTask.on").sendKeys(Keys.SPACE);
        press("Dry run");
        press("Save these settings");
        JsonNode removed = console.api("GET", "/v1/settings", null);
        assertEquals("[]", removed.get("matchedFields").toString());
        assertEquals("{}", removed.get("scope").toString());
        assertTrue(removed.get("afterMergeTask").isNull(), removed.toString());
        console.api("PUT", "/v1/settings", "{\"methods\": [\"phone\"]}");
    }

    @Test
    void aValueOutOfRangeIsAnsweredWithTheApisMessageNextToItsField() throws Exception {
        console.api("PUT", "/v1/settings", "{\"methods\": [\"phone\"]}");
        JsonNode before = console.api("GET", "/v1/settings", null);
        signIn();
        follow("Settings");
        control("afterMergeTask.on").sendKeys(Keys.SPACE);
        type("afterMergeTask.text", "Call back");
        type("afterMergeTask.responsible", "team-b");
        type("afterMergeTask.dueInMinutes", "600000");
        press("Dry run");
        assertNextToItsField("afterMergeTask.dueInMinutes", "afterMergeTask.dueInMinutes must be between 0 and 525600");
        type("afterMergeTask.dueInMinutes", "60");
        type("mergeLimit", "0");
        press("Dry run");
        assertNextToItsField("mergeLimit", "mergeLimit must be between 1 and 50, was 0");
        assertNull(control("afterMergeTask.dueInMinutes").getDomAttribute("aria-invalid"),
                "only the field named is marked");
        assertEquals(before, console.api("GET", "/v1/settings", null), "nothing saved");
    }

    private void assertNextToItsField(String id, String message) {
        assertTrue(browser.findElements(By.id("dry-run")).isEmpty(), "no dry run of refused settings");
        WebElement field = control(id);
        assertEquals("true", field.getDomAttribute("aria-invalid"));
        assertEquals(id + "-error", field.getDomAttribute("aria-describedby"));
        String next = control(id + "-error").getText();
        assertTrue(next.startsWith(message), next);
        String top = browser.findElement(By.cssSelector("[role=alert]")).getText();
        assertTrue(top.contains(message), top);
    }

    /** The element of the page with the id {@code id} (ids are the API's option names, dots and brackets too). */
    private static WebElement control(String id) {
        return browser.findElement(By.xpath("//*[@id='" + id + "']"));
    }

    private static void type(String id, String text) {
        WebElement field = control(id);
        field.clear();
        field.sendKeys(text);
    }

    private static List<String> values(String... ids) {
        return java.util.Arrays.stream(ids).map(id -> control(id).getDomProperty("value")).toList();
    }

    /** The names of the form controls that have neither a label nor an aria-label. */
    @SuppressWarnings("unchecked")
    private static List<String> unlabelledControls() {
        return (List<String>) ((JavascriptExecutor) browser).executeScript("""
                return Array.from(document.querySelectorAll('main input:not([type=hidden]), main select'))
                    .filter(e => e.labels.length === 0 && !e.getAttribute('aria-label')).map(e => e.name);""");
    }

    @Test
    void runAScanAndSeeItsGroupsWithTheirExplanations() throws Exception {
        JsonNode item = console.pendingItem("Nina Frost", "Nina Forst");
        java.util.regex.Matcher email = java.util.regex.Pattern.compile("shared-[0-9a-f-]+@x\\.io")
                .matcher(item.toString());
        assertTrue(email.find(), item.toString());
        signIn();
        follow("Duplicate groups");
        assertEquals("Duplicate groups", heading());
        press("Run now");
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> heading().equals("Scan done"));
        String result = browser.findElement(By.id("scan-result")).getText();
        assertTrue(result.contains("Groups found"), result);
        follow("Duplicate groups");
        String groups = browser.findElement(By.cssSelector("section[aria-labelledby=groups-title]")).getText();
        assertTrue(groups.contains("rule 'Lead: email'") && groups.contains(email.group().replace("-", "")), groups);
        assertTrue(browser.findElement(By.id("runs")).getText().contains("done"));
        screenshot("groups");
    }

    @Test
    void setAndRemoveTheScanSchedule() throws Exception {
        signIn();
        follow("Duplicate groups");
        schedule("at two", "Europe/Paris");
        String refused = browser.findElement(By.cssSelector("[role=alert]")).getText();
        assertTrue(refused.contains("cron"), refused);
        schedule("0 30 3 * * MON", "Europe/Paris");
        String now = browser.findElement(By.id("schedule-now")).getText();
        assertTrue(now.contains("0 30 3 * * MON") && now.contains("Europe/Paris"), now);
        assertEquals("0 30 3 * * MON", console.api("GET", "/v1/scan-schedule", null).get("cron").asText());
        press("Remove the schedule");
        String removed = browser.findElement(By.id("schedule-now")).getText();
        assertTrue(removed.startsWith("No schedule"), removed);
    }

    private void schedule(String cron, String zone) {
        WebElement cronField = browser.findElement(By.id("cron"));
        cronField.clear();
        cronField.sendKeys(cron);
        WebElement zoneField = browser.findElement(By.id("zone"));
        zoneField.clear();
        zoneField.sendKeys(zone);
        press("Save the schedule");
    }

    @Test
    void editTheRulesSeeTheDryRunThenSave() throws Exception {
        JsonNode before = console.api("GET", "/v1/rules", null);
        signIn();
        follow("Rules");
        assertEquals("Duplicate rules", heading());
        WebElement added = browser.findElement(By.cssSelector("#rules tr.new"));
        added.findElement(By.cssSelector("input[name$='.name']")).sendKeys("Lead: full name");
        added.findElement(By.cssSelector("input[name$='.objects'][value=lead]")).click();
        added.findElement(By.cssSelector("input[name$='.fields']")).sendKeys("full_name");
        press("Dry run");
        String report = browser.findElement(By.id("dry-run")).getText();
        assertTrue(report.contains("Dry run: nothing saved yet") && report.contains("Groups"), report);
        assertEquals(before, console.api("GET", "/v1/rules", null), "a dry run saves nothing");
        screenshot("rules");
        press("Save these rules");
        assertEquals("Duplicate rules", heading());
        JsonNode saved = console.api("GET", "/v1/rules", null);
        assertEquals(before.size() + 1, saved.size(), saved.toString());
        assertEquals("Lead: full name", saved.get(saved.size() - 1).get("name").asText());
        assertEquals("[\"full_name\"]", saved.get(saved.size() - 1).get("fields").toString());
        console.api("PUT", "/v1/rules", before.toString());
    }

    @Test
    void seeWhichModelIsLoadedWithItsEvaluation() throws Exception {
        signIn();
        follow("Model");
        assertEquals("Model", heading());
        String status = browser.findElement(By.id("model-status")).getText();
        assertTrue(status.startsWith("Loaded: the people model"), status);
        String page = browser.findElement(By.tagName("main")).getText();
        assertTrue(page.contains("Evaluation report") && page.contains("precision") && page.contains("f1"), page);
        screenshot("model");
    }

    private static List<Boolean> undone(String merge) throws Exception {
        List<Boolean> found = new java.util.ArrayList<>();
        for (JsonNode entry : console.api("GET", "/v1/merges?limit=500", null).get("merges")) {
            if (entry.get("id").asText().equals(merge)) {
                found.add(entry.get("undone").asBoolean());
            }
        }
        return found;
    }

    /** The page as a laptop screen shows it, to {@code console-<page>.png} in the screenshots' directory. */
    private static void screenshot(String page) throws Exception {
        Path target = Path.of(System.getProperty("dedup.console.screenshots", "target/console-screenshots"))
                .resolve("console-" + page + ".png");
        Files.createDirectories(target.toAbsolutePath().getParent());
        Files.write(target, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        LOG.info("the {} page's screenshot is in {}", page, target.toAbsolutePath());
    }
}
