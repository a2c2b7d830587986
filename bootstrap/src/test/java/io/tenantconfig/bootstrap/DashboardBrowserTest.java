package io.tenantconfig.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.tenantconfig.adapters.persistence.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin dashboard in a real browser (headless Chromium) against the running service and a
 * real PostgreSQL: what an admin does with it, checked through the API as well as on the page.
 * The browser talks to the service through a {@link RecordingProxy}, so the test also knows
 * every answer the page ever received.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class DashboardBrowserTest {

    private static final TestDatabase DATABASE = TestDatabase.empty();
    private static final Path DOTENV = dotenv();
    private static final DropwizardAppExtension<TenantConfigConfiguration> APP =
            TestApps.extension(DATABASE, ConfigOverride.config("credentials.dotenvFile", DOTENV.toString()));

    /** acme-foods's secrets, as its user stored them; the page must never receive them. */
    private static final String ACCESS_TOKEN = "EAAG-dashboard-access-token-7f3a91";

    private static final String APP_SECRET = "dashboard-app-secret-5c2e88";
    private static final String REFRESH_TOKEN = "dashboard-refresh-token-0d4b66";
    private static final int BULK_TENANTS = 30;
    private static final String ADMIN = "ops-admin@example.com";
    private static final Path SCREENSHOTS = Path.of("target", "dashboard-screenshots");

    private static ChromeDriver browser;
    private static RecordingProxy proxy;
    private final ApiClient api = new ApiClient(APP);
    private WebDriverWait wait;
    private String admin;

    /** The service's public address, so each tenant has a webhook callback URL to show. */
    private static Path dotenv() {
        try {
            Path file = Files.createTempFile("dashboard", ".env");
            Files.writeString(file, "PUBLIC_BASE_URL=https://config.example.com\n");
            file.toFile().deleteOnExit();
            return file;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = DashboardBrowser.start();
        proxy = new RecordingProxy(APP.getLocalPort());
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    @BeforeEach
    void tenantsAndADeadLetter() throws Exception {
        Jdbi jdbi = Jdbi.create(DATABASE.dataSource());
        api.startAfresh(jdbi);
        jdbi.useHandle(h -> h.execute("TRUNCATE events RESTART IDENTITY"));
        jdbi.useHandle(h -> h.execute("TRUNCATE signup_sessions, signup_session_installs"));
        created("acme-foods", """
                {"waba_id": "102290129340398", "phone_number_id": "106540352242922",
                 "display_phone_number": "+1 555-010-0001", "business_id": "5550001",
                 "access_token": "%s", "fb_app_secret": "%s", "refresh_token": "%s",
                 "fb_app_id": "1234567890"}""".formatted(ACCESS_TOKEN, APP_SECRET, REFRESH_TOKEN));
        created("acme-tools", "{\"waba_id\": \"102290129340399\"}");
        created("globex", "{}");
        assertThat(api.send("POST", "/api/v1/tenant/config/deactivate", api.token("globex"), null)
                        .statusCode())
                .isEqualTo(200);
        for (int i = 1; i <= BULK_TENANTS; i++) {
            created("tenant-%03d".formatted(i), "{}");
        }
        jdbi.useHandle(h -> h.execute("INSERT INTO events (tenant_id, type, occurred_at, data, status, attempts,"
                + " next_attempt_at, last_error) VALUES ('acme-foods', 'health.changed', now(),"
                + " '{\"state\":\"INVALID\"}', 'DEAD', 8, now(), 'the platform answered HTTP 503')"));
        admin = api.tokenOf(ADMIN, null, "admin");
        wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        browser.manage().window().setSize(new Dimension(1366, 900));
        browser.get(proxy.url("/admin/"));
        browser.executeScript("sessionStorage.clear()");
        browser.navigate().refresh();
        proxy.forget();
        browser.manage().logs().get(LogType.BROWSER); // what earlier tests left in the console
    }

    private void created(String tenant, String body) throws Exception {
        HttpResponse<String> response = api.send("POST", "/api/v1/tenant/config", api.token(tenant), body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    private String adminToken() {
        return admin;
    }

    private WebElement find(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    private List<WebElement> rows(String table) {
        return browser.findElements(By.cssSelector(table + " tbody tr"));
    }

    private void signIn() {
        find("#token").sendKeys(adminToken());
        find("#sign-in button[type=submit]").click();
        find("#tenants");
    }

    private void confirm() {
        WebElement ok = find("#confirm-ok");
        wait.until(ExpectedConditions.elementToBeClickable(ok)).click();
        wait.until(d -> !isOpen());
    }

    private boolean isOpen() {
        return (Boolean) browser.executeScript("return document.getElementById('confirm').open");
    }

    private void waitForNotice(String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), text));
    }

    private void openTenant(String tenant) {
        openTenantPage(tenant);
        find("#audit-table");
    }

    private String apiBody(String path) throws Exception {
        HttpResponse<String> response = api.send("GET", path, adminToken(), null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    @Test
    void a_token_is_asked_for_refused_tokens_say_why_and_the_admin_token_opens_the_statistics_and_the_list() {
        find("#token").sendKeys("not-a-jwt");
        find("#sign-in button[type=submit]").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("sign-in-error"), "token was refused"));

        find("#token").clear();
        find("#token").sendKeys(api.token("acme-foods"));
        find("#sign-in button[type=submit]").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("sign-in-error"), "does not carry the admin role"));

        find("#token").clear();
        signIn();

        assertThat(find("#who-name").getText()).isEqualTo(ADMIN);
        assertThat(statCard("Total")).isEqualTo(String.valueOf(BULK_TENANTS + 3));
        assertThat(statCard("Inactive")).isEqualTo("1");
        assertThat(statCard("WhatsApp Business Accounts")).isEqualTo("2");
        assertThat(find("#results-summary").getText()).isEqualTo((BULK_TENANTS + 3) + " tenants");
        assertThat(rows("#tenants")).hasSize(25);
        assertThat(browser.getCurrentUrl()).doesNotContain(adminToken());
        assertThat(browser.executeScript("return localStorage.length")).isEqualTo(0L);
        assertThat(browser.executeScript("return sessionStorage.getItem('tenant-config.admin-token')"))
                .isEqualTo(adminToken());
    }

    @Test
    void the_list_counts_the_signups_and_shows_the_recent_failed_and_cancelled_ones_with_metas_words()
            throws Exception {
        reported("acme-foods", "{\"event\": \"CANCEL\", \"current_step\": \"PHONE_NUMBER_SETUP\"}");
        reported("acme-tools", """
                {"event": "CANCEL", "error_message": "Your phone number is already in use",
                 "error_id": "524126", "session_id": "f34b51dab5e0498"}""");
        Jdbi.create(DATABASE.dataSource())
                .useHandle(h -> h.execute("INSERT INTO signup_sessions (tenant_id, started_at, ended_at, event,"
                        + " outcome, step, error_code, error_message, requested_waba_ids) VALUES ('acme-dental',"
                        + " now() - interval '1 hour', now() - interval '1 hour', 'FINISH', 'failed', 'exchange_code',"
                        + " '100', 'This authorization code has expired.', '1191624265890717')"));
        withMetasInstall("acme-dental");
        signIn();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("recent-signups-table"), "acme-tools"));
        List<WebElement> recent = rows("#recent-signups-table");
        assertThat(recent).hasSize(3);
        assertThat(recent.get(2).getText())
                .contains("acme-dental", "exchange_code", "Finished at Meta", "account 1191624265890717");
        assertThat(recent.get(0).getText())
                .as("newest first")
                .contains("acme-tools", "failed", "524126", "Your phone number is already in use");
        assertThat(recent.get(1).getText()).contains("acme-foods", "cancelled", "PHONE_NUMBER_SETUP");
        assertThat(statCard("Cancelled")).isEqualTo("1");
        assertThat(statCard("Failed")).isEqualTo("2");
        assertThat(statCard("Finished")).isEqualTo("0");
    }

    private void reported(String tenant, String event) throws Exception {
        HttpResponse<String> response =
                api.send("POST", "/api/v1/tenant/onboard/signup-events", api.token(tenant), event);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    }

    private String statCard(String label) {
        for (WebElement card : browser.findElements(By.cssSelector(".stats .card"))) {
            if (card.findElement(By.className("label")).getText().equals(label)) {
                return card.findElement(By.className("count")).getText();
            }
        }
        throw new AssertionError("no card " + label);
    }

    @Test
    void the_list_pages_with_the_apis_cursor_and_filters_and_search_narrow_it() {
        signIn();
        String firstOnFirstPage = rows("#tenants").get(0).getText();

        find("a[rel=next]").click();
        wait.until(d -> rows("#tenants").size() == BULK_TENANTS + 3 - 25);
        find("a[rel=prev]").click();
        wait.until(d -> rows("#tenants").size() == 25);
        assertThat(rows("#tenants").get(0).getText()).isEqualTo(firstOnFirstPage);

        find("#filter-q").sendKeys("acme");
        find(".filters button[type=submit]").click();
        wait.until(ExpectedConditions.textToBe(By.id("results-summary"), "2 tenants match these filters"));
        assertThat(rows("#tenants"))
                .extracting(row -> row.findElement(By.tagName("th")).getText())
                .containsExactly("acme-foods", "acme-tools");

        find("a.button.quiet").click();
        new org.openqa.selenium.support.ui.Select(find("#filter-is_active")).selectByVisibleText("Inactive");
        find(".filters button[type=submit]").click();
        wait.until(ExpectedConditions.textToBe(By.id("results-summary"), "1 tenant matches these filters"));
        assertThat(rows("#tenants").get(0).getText()).startsWith("globex");

        find("#filter-q").clear();
        find("#filter-q").sendKeys("nobody");
        find(".filters button[type=submit]").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".results .empty"), "No tenant matches these filters."));
    }

    @Test
    void a_tenant_page_shows_the_configuration_masked_its_numbers_webhook_health_and_history() throws Exception {
        signIn();
        openTenant("acme-foods");

        assertThat(find("dd[data-field=access_token]").getText()).isEqualTo("***3a91");
        assertThat(find("dd[data-field=fb_app_secret]").getText()).isEqualTo("***2e88");
        assertThat(find("dd[data-field=refresh_token]").getText()).isEqualTo("***4b66");
        assertThat(find("dd[data-field=waba_id]").getText()).isEqualTo("102290129340398");
        assertThat(find("#numbers").getText()).contains("106540352242922", "+1 555-010-0001", "Default");
        assertThat(find("#webhook").getText()).contains("https://config.example.com/api/v1/webhooks/whatsapp/");
        assertThat(find("#health").getText()).contains("UNKNOWN", "never checked");
        assertThat(find("#audit-table").getText()).contains("CREATE", "user-acme-foods");
        assertThat(find("#events-table").getText()).contains("health.changed", "the platform answered HTTP 503");
        assertThat(browser.getPageSource()).doesNotContain(ACCESS_TOKEN, APP_SECRET, REFRESH_TOKEN);
    }

    @Test
    void a_tenant_page_shows_its_templates_with_status_category_quality_and_when_they_were_last_read() {
        Jdbi jdbi = Jdbi.create(DATABASE.dataSource());
        jdbi.useHandle(h -> {
            h.execute("INSERT INTO message_templates (account_id, name, language, meta_id, status, category, quality,"
                    + " components, updated_at) SELECT a.id, t.name, 'en_US', '1667192013751005', t.status, 'UTILITY',"
                    + " t.quality, '[]', now() FROM whatsapp_accounts a, (VALUES ('order_delivery_update', 'APPROVED',"
                    + " 'GREEN'), ('spring_sale', 'PAUSED', 'RED')) t (name, status, quality)"
                    + " WHERE a.waba_id = '102290129340398'");
            h.execute("INSERT INTO template_syncs (account_id, next_read_at, read_at, attempted_at, failure)"
                    + " SELECT id, now(), now() - interval '1 hour', now(),"
                    + " 'META_UNAVAILABLE: Meta could not be reached' FROM whatsapp_accounts"
                    + " WHERE waba_id = '102290129340398'");
        });
        signIn();
        openTenant("acme-foods");

        WebElement templates = find("#templates-table");
        assertThat(templates.getText())
                .contains("order_delivery_update", "APPROVED", "GREEN", "spring_sale", "PAUSED", "RED", "UTILITY");
        assertThat(find("#templates").getText())
                .contains("102290129340398", "last read", "Last read failed", "Meta could not be reached");
        assertThat(browser.getPageSource()).doesNotContain(ACCESS_TOKEN);
    }

    /**
     * Sets what no request can ({@code sql}), then adds a number to acme-foods ({@code number}):
     * the write reads the configuration from the database, so every instance sees both.
     */
    private void setInTheDatabaseThenAdd(String sql, String number) throws Exception {
        Jdbi.create(DATABASE.dataSource()).useHandle(h -> h.execute(sql));
        HttpResponse<String> added =
                api.send("POST", "/api/v1/tenant/config/phone-numbers", api.token("acme-foods"), number);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
    }

    @Test
    void a_tenant_with_an_account_but_no_number_is_marked_as_needing_one() {
        signIn();
        openTenant("acme-tools");

        assertThat(find(".badges").getText()).contains("No phone number yet");
        assertThat(find("#numbers").getText()).contains("No phone number yet.");
    }

    @Test
    void a_whatsapp_business_apps_number_says_so_where_a_registration_would_be() throws Exception {
        setInTheDatabaseThenAdd(
                "UPDATE tenant_phone_numbers SET coexistence = true WHERE phone_number_id = '106540352242922'",
                "{\"phone_number_id\": \"106540352242931\"}");
        signIn();
        openTenant("acme-foods");

        List<WebElement> numbers = rows("#numbers-table");
        assertThat(numbers.get(0).getText()).contains("106540352242922", "WhatsApp Business app");
        assertThat(numbers.get(1).getText()).contains("106540352242931").doesNotContain("WhatsApp Business app");
        assertThat(find(".badges").getText()).doesNotContain("No phone number yet");
    }

    @Test
    void each_number_shows_how_fast_it_may_send_its_quality_and_its_portfolios_messaging_limit() throws Exception {
        setInTheDatabaseThenAdd(
                "UPDATE tenant_phone_numbers SET throughput_level = 'HIGH', quality_rating = 'GREEN',"
                        + " messaging_limit_tier = 'TIER_10K' WHERE phone_number_id = '106540352242922'",
                "{\"phone_number_id\": \"106540352242951\"}");
        signIn();
        openTenant("acme-foods");

        List<WebElement> numbers = rows("#numbers-table");
        assertThat(numbers.get(0).getText()).contains("1000", "GREEN", "TIER_10K");
        assertThat(numbers.get(1).getText())
                .as("never checked: Meta's default")
                .contains("106540352242951", "80")
                .doesNotContain("GREEN");
    }

    @Test
    void a_number_still_to_be_verified_says_so_where_its_registration_would_be() throws Exception {
        setInTheDatabaseThenAdd(
                "INSERT INTO tenant_phone_numbers (config_id, account_id, phone_number_id, is_default, is_active,"
                        + " verified, code_requested_at) SELECT config_id, account_id, '106540352242940', false, false,"
                        + " false, now() FROM tenant_phone_numbers WHERE phone_number_id = '106540352242922'",
                "{\"phone_number_id\": \"106540352242941\"}");
        signIn();
        openTenant("acme-foods");

        WebElement awaiting = rows("#numbers-table").stream()
                .filter(row -> row.getText().contains("106540352242940"))
                .findFirst()
                .orElseThrow();
        assertThat(awaiting.getText()).contains("Not verified: code sent").contains("No");
    }

    @Test
    void a_tenant_page_shows_its_signup_sessions_with_the_failed_step_and_metas_words() throws Exception {
        assertThat(api.send(
                                "POST",
                                "/api/v1/tenant/onboard/signup-events",
                                api.token("acme-foods"),
                                "{\"event\":\"CANCEL\",\"current_step\":\"PHONE_NUMBER_SETUP\"}")
                        .statusCode())
                .isEqualTo(202);
        Jdbi.create(DATABASE.dataSource())
                .useHandle(h -> h.execute("INSERT INTO signup_sessions (tenant_id, started_at, ended_at, event,"
                        + " outcome, step, error_code, error_message, fbtrace_id, requested_waba_ids) VALUES"
                        + " ('acme-foods', now(), now(), 'FINISH', 'failed', 'exchange_code', '100',"
                        + " 'This authorization code has been used.', 'A1b2C3d4', '1191624265890717')"));
        withMetasInstall("acme-foods");
        signIn();
        openTenant("acme-foods");

        WebElement signups = find("#signups-table");
        assertThat(rows("#signups-table")).hasSize(2);
        assertThat(signups.getText())
                .contains("failed", "exchange_code", "100", "This authorization code has been used.", "A1b2C3d4")
                .contains("cancelled", "PHONE_NUMBER_SETUP");
        assertThat(rows("#signups-table").get(0).getText())
                .as("Meta says the signup finished at its end; ours failed at the exchange")
                .contains("named, not stored: 1191624265890717")
                .contains("Finished at Meta", "account 1191624265890717", "business 2329417887457253");
        assertThat(rows("#signups-table").get(1).getText()).doesNotContain("Finished at Meta");
    }

    /** Meta's published PARTNER_APP_INSTALLED, as the webhook intake keeps it with the tenant's newest session. */
    private static void withMetasInstall(String tenant) {
        Jdbi.create(DATABASE.dataSource())
                .useHandle(h -> h.createUpdate("INSERT INTO signup_session_installs (signup_session_id, received_at,"
                                + " dedupe_scope, dedupe_key, waba_id, owner_business_id, partner_app_id, value)"
                                + " SELECT max(id), now(), '', 'sha256:' || max(id), '1191624265890717',"
                                + " '2329417887457253', '5731794616896507', '{}' FROM signup_sessions"
                                + " WHERE tenant_id = :tenant")
                        .bind("tenant", tenant)
                        .execute());
    }

    @Test
    void a_tenant_page_lists_each_account_with_its_numbers_standing_health_subscription_and_no_token()
            throws Exception {
        setInTheDatabaseThenAdd(
                "UPDATE whatsapp_accounts SET subscribed_at = '2026-12-01T09:00:00Z' WHERE waba_id = '102290129340398'",
                "{\"phone_number_id\": \"106540352242930\", \"waba_id\": \"102290129340400\"}");
        signIn();
        openTenant("acme-foods");

        List<WebElement> accounts = rows("#accounts-table");
        assertThat(accounts).hasSize(2);
        assertThat(accounts.get(0).getText())
                .contains("102290129340398", "5550001", "Primary", "GOOD", "106540352242922");
        assertThat(accounts.get(1).getText()).contains("102290129340400", "GOOD", "Not subscribed", "106540352242930");
        assertThat(accounts.get(1).getText()).doesNotContain("Primary");
        assertThat(accounts.get(0).findElement(By.cssSelector("time[datetime='2026-12-01T09:00:00Z']")))
                .as("the primary account's subscription, read through the API")
                .isNotNull();
        assertThat(accounts.get(0).getText()).doesNotContain("Not subscribed");
        assertThat(browser.getPageSource()).doesNotContain(ACCESS_TOKEN, APP_SECRET, REFRESH_TOKEN);
    }

    @Test
    void deactivating_asks_first_then_the_api_agrees_and_the_audit_trail_names_the_admin() throws Exception {
        signIn();
        openTenant("acme-foods");

        find("#action-deactivate").click();
        assertThat(find("#confirm-title").getText()).isEqualTo("Deactivate acme-foods?");
        find("#confirm-cancel").click();
        assertThat(apiBody("/api/v1/tenant/admin/tenants/acme-foods")).contains("\"is_active\":true");

        find("#action-deactivate").click();
        confirm();

        waitForNotice("acme-foods is deactivated.");
        find("#action-activate");
        assertThat(find(".badges").getText()).contains("Inactive");
        assertThat(apiBody("/api/v1/tenant/admin/tenants/acme-foods")).contains("\"is_active\":false");
        wait.until(d -> rows("#audit-table").size() == 2);
        assertThat(rows("#audit-table").get(0).getText()).contains(ADMIN, "DEACTIVATE");
    }

    @Test
    void a_dead_letter_is_replayed_after_a_confirmation() throws Exception {
        signIn();
        openTenant("acme-foods");

        find("#events-table button[data-event]").click();
        assertThat(find("#confirm-title").getText()).isEqualTo("Replay event 1?");
        confirm();

        waitForNotice("Event 1 will be delivered again.");
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#events .empty"), "No dead letter"));
        assertThat(apiBody("/api/v1/tenant/admin/events?status=dead&tenant_id=acme-foods"))
                .isEqualTo("{\"events\":[]}");
    }

    @Test
    void a_change_made_elsewhere_meanwhile_is_explained_and_the_page_shows_the_current_state() throws Exception {
        signIn();
        openTenant("acme-foods");
        assertThat(find("dd[data-field=version]").getText()).isEqualTo("1");
        assertThat(api.send("PUT", "/api/v1/tenant/config", api.token("acme-foods"), "{\"verify_token\":\"v2\"}")
                        .statusCode())
                .isEqualTo(200);

        find("#action-deactivate").click();
        confirm();

        waitForNotice("Someone changed acme-foods after this page showed version 1, so nothing was done.");
        wait.until(ExpectedConditions.textToBe(By.cssSelector("dd[data-field=version]"), "2"));
        assertThat(find("dd[data-field=verify_token]").getText()).isEqualTo("v2");
        assertThat(apiBody("/api/v1/tenant/admin/tenants/acme-foods")).contains("\"is_active\":true");
    }

    @Test
    void deleting_needs_the_tenant_id_typed_and_goes_back_to_the_list() throws Exception {
        signIn();
        openTenant("acme-tools");

        find("#action-delete").click();
        WebElement ok = find("#confirm-ok");
        assertThat(ok.isEnabled()).isFalse();
        find("#confirm-input").sendKeys("acme-tool");
        assertThat(ok.isEnabled()).isFalse();
        find("#confirm-input").sendKeys("s");
        assertThat(ok.isEnabled()).isTrue();
        confirm();

        waitForNotice("acme-tools was deleted.");
        find("#tenants");
        assertThat(api.send("GET", "/api/v1/tenant/admin/tenants/acme-tools", adminToken(), null)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void a_check_now_that_cannot_reach_meta_shows_what_failed() {
        signIn();
        openTenant("acme-foods");

        find("#action-check-health").click();
        confirm();

        waitForNotice("Meta was asked about acme-foods");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("health"), "Last check failed"));
    }

    @Test
    void a_tenant_id_with_a_slash_stored_before_the_rule_is_listed_and_its_page_says_why_it_cannot_open()
            throws Exception {
        // No token may name such a tenant now (TenantId.presented); a row stored earlier stays.
        created("partner-one", "{}");
        Jdbi.create(DATABASE.dataSource())
                .useHandle(h -> h.execute(
                        "UPDATE tenant_configs SET tenant_id = 'partner/one' WHERE tenant_id = 'partner-one'"));
        assertThat(api.send("GET", "/api/v1/tenant/config", api.token("partner/one"), null)
                        .statusCode())
                .isEqualTo(401);
        signIn();

        openTenantPage("partner/one");

        assertThat(find("main .error").getText()).contains("contains \"/\"", "cannot be opened");
    }

    private void openTenantPage(String tenant) {
        find("#filter-q").sendKeys(tenant);
        find(".filters button[type=submit]").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("results-summary"), "these filters"));
        find("#tenants").findElement(By.linkText(tenant)).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("main h1"), tenant));
    }

    @Test
    void a_refused_token_leads_back_to_the_prompt_with_the_reason() {
        signIn();
        browser.executeScript(
                "sessionStorage.setItem('tenant-config.admin-token', arguments[0])",
                "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl");

        browser.findElement(By.linkText("acme-foods")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("sign-in-error"), "token was refused"));
        assertThat(browser.executeScript("return sessionStorage.length")).isEqualTo(0L);
    }

    @Test
    void everything_works_from_the_keyboard_and_every_control_has_a_label() {
        WebElement focused = browser.switchTo().activeElement();
        assertThat(focused.getAttribute("id")).isEqualTo("token");
        focused.sendKeys(adminToken() + Keys.ENTER);
        find("#tenants");
        assertThat(unlabelledControls()).isEmpty();

        browser.findElement(By.linkText("acme-foods")).sendKeys(Keys.ENTER);
        find("#audit-table");
        assertThat(unlabelledControls()).isEmpty();
        find("#action-deactivate").sendKeys(Keys.ENTER);
        wait.until(d -> isOpen());
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("confirm-cancel");
        browser.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        wait.until(d -> !isOpen());
        assertThat(find(".badges").getText()).contains("Active");
    }

    @SuppressWarnings("unchecked")
    private List<String> unlabelledControls() {
        return (List<String>) browser.executeScript("""
                return [...document.querySelectorAll('input, select, textarea, button')]
                  .filter(e => e.type !== 'hidden' && e.offsetParent !== null)
                  .filter(e => e.labels?.length === 0 && !e.getAttribute('aria-label') && !e.textContent.trim())
                  .map(e => e.outerHTML);""");
    }

    @Test
    void on_a_phone_the_pages_fit_the_screen() {
        signIn();
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.navigate().refresh();
        find("#tenants");
        assertThat(overflow()).as("page wider than the screen").isLessThanOrEqualTo(0L);

        browser.findElement(By.linkText("acme-foods")).click();
        find("#audit-table");
        assertThat(overflow()).as("page wider than the screen").isLessThanOrEqualTo(0L);
    }

    private Long overflow() {
        return (Long) ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth - window.innerWidth");
    }

    @Test
    void no_answer_the_page_ever_received_holds_a_secret_and_nothing_breaks_its_content_policy() throws Exception {
        signIn();
        screenshot("tenant-list.png");
        openTenant("acme-foods");
        screenshot("tenant-page.png");
        new org.openqa.selenium.support.ui.Select(find("#events-status")).selectByVisibleText("Pending");
        find("#events");
        find("#audit-table");

        List<RecordingProxy.Exchange> exchanges = proxy.exchanges();
        assertThat(exchanges).extracting(RecordingProxy.Exchange::uri).anyMatch(u -> u.contains("/admin/tenants/"));
        assertThat(exchanges).allSatisfy(exchange -> {
            assertThat(exchange.body()).doesNotContain(ACCESS_TOKEN, APP_SECRET, REFRESH_TOKEN);
            assertThat(exchange.uri())
                    .matches("/admin/.*|/api/v1/.*")
                    .doesNotContain("/config/full", "/config/resolved", adminToken());
        });
        assertThat(exchanges)
                .filteredOn(e -> e.uri().startsWith("/api/"))
                .allSatisfy(e -> assertThat(e.authorization()).isEqualTo("Bearer " + adminToken()));
        assertThat(browser.manage().logs().get(LogType.BROWSER).getAll())
                .filteredOn(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
                .extracting(LogEntry::getMessage)
                .isEmpty();
    }

    /** The page at a laptop's width, as tall as its content (for docs/images). */
    private static void screenshot(String name) throws Exception {
        Dimension before = browser.manage().window().getSize();
        Long height = (Long) browser.executeScript("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new Dimension(1280, (int) Math.min(height + 120, 2400)));
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
        browser.manage().window().setSize(before);
    }
}
