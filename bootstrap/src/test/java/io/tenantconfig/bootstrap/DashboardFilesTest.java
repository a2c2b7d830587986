package io.tenantconfig.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.tenantconfig.adapters.persistence.testing.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The dashboard's files as the service serves them: the headers that keep the page to itself, and
 * files that need nothing the policy forbids (no inline script or style, no other origin).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class DashboardFilesTest {

    private static final TestDatabase DATABASE = TestDatabase.empty();
    private static final DropwizardAppExtension<TenantConfigConfiguration> APP = TestApps.extension(DATABASE);

    private static final List<String> FILES = List.of(
            "index.html", "app.css", "app.js", "api.js", "dom.js", "dialog.js", "list.js", "notice.js", "tenant.js");

    private final ApiClient api = new ApiClient(APP);

    @ParameterizedTest
    @ValueSource(strings = {"/admin/", "/admin/index.html", "/admin/app.js", "/admin/app.css", "/admin/missing.js"})
    void every_answer_under_admin_keeps_the_page_to_itself(String path) throws Exception {
        HttpResponse<String> response = api.send("GET", path, null, null);

        assertThat(response.statusCode()).isEqualTo(path.contains("missing") ? 404 : 200);
        assertThat(response.headers().firstValue("Content-Security-Policy"))
                .hasValue("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
                        + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    }

    @Test
    void the_page_is_served_from_the_jar_and_bare_admin_leads_to_it() throws Exception {
        HttpResponse<String> page = api.send("GET", "/admin/", null, null);
        HttpResponse<String> bare = api.send("GET", "/admin", null, null);

        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("<script type=\"module\" src=\"app.js\"></script>");
        assertThat(bare.statusCode()).isEqualTo(301);
        assertThat(bare.headers().firstValue("Location")).hasValue("/admin/");
    }

    @Test
    void the_api_answers_as_before_beside_the_dashboard() throws Exception {
        HttpResponse<String> api401 = api.send("GET", "/api/v1/tenant/admin/configs/stats", null, null);

        assertThat(api401.statusCode()).isEqualTo(401);
        assertThat(api401.headers().firstValue("Content-Security-Policy")).isEmpty();
    }

    @Test
    void the_files_hold_no_inline_script_or_style_and_name_no_other_origin() throws IOException {
        Pattern inlineScript = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
        Pattern inlineHandler = Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
        Pattern styleAttribute = Pattern.compile("\\sstyle\\s*=", Pattern.CASE_INSENSITIVE);
        Pattern otherOrigin = Pattern.compile("(https?:)?//[a-z0-9.-]+\\.[a-z]{2,}", Pattern.CASE_INSENSITIVE);
        for (String file : FILES) {
            String text = resource(file);
            assertThat(text).as(file).doesNotContainPattern(otherOrigin);
            assertThat(text).as(file).doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "eval(");
            assertThat(text).as(file).doesNotContain("localStorage");
            if (file.endsWith(".html")) {
                assertThat(text).as(file).doesNotContainPattern(inlineScript);
                assertThat(text).as(file).doesNotContainPattern(inlineHandler);
                assertThat(text).as(file).doesNotContainPattern(styleAttribute);
            }
        }
    }

    private static String resource(String file) throws IOException {
        try (InputStream in = DashboardFilesTest.class.getResourceAsStream("/admin-ui/" + file)) {
            assertThat(in).as(file).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
