package io.tenantconfig.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.tenantconfig.adapters.persistence.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Many clients changing one tenant's configuration at the same time, over real HTTP on a real
 * PostgreSQL: every change without If-Match applies on top of the others (none answers 409, none
 * is lost), every If-Match is honoured, and each new version has exactly one audit entry; of
 * tenants claiming the same phone number at once, exactly one gets it.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ConcurrentWritesTest {

    private static final String CONFIG = "/api/v1/tenant/config";
    private static final TestDatabase DATABASE = TestDatabase.empty();
    private static final DropwizardAppExtension<TenantConfigConfiguration> APP = TestApps.extension(DATABASE);

    private final ApiClient api = new ApiClient(APP);
    private final Jdbi jdbi = Jdbi.create(DATABASE.dataSource());
    private String acme;

    @BeforeEach
    void acmeHasAConfiguration() throws Exception {
        api.startAfresh(jdbi);
        acme = api.token("acme");
        assertThat(api.send("POST", CONFIG, acme, "{\"waba_id\":\"1\",\"phone_number_id\":\"2\"}")
                        .statusCode())
                .isEqualTo(201);
    }

    private int version() throws Exception {
        HttpResponse<String> config = api.send("GET", CONFIG, acme, null);
        return Integer.parseInt(
                config.headers().firstValue("ETag").orElseThrow().replace("\"", ""));
    }

    /** How many audit entries acme's configuration has, by action. */
    private Map<String, Long> audit() {
        return jdbi.withHandle(h -> h.createQuery("SELECT action, count(*) AS n FROM tenant_config_audit"
                        + " WHERE tenant_id = 'acme' GROUP BY action")
                .reduceRows(new TreeMap<String, Long>(), (counts, row) -> {
                    counts.put(row.getColumn("action", String.class), row.getColumn("n", Long.class));
                    return counts;
                }));
    }

    @Test
    void sixteen_clients_sending_fifty_puts_each_without_if_match_all_get_200_and_every_change_is_stored()
            throws Exception {
        int before = version();

        List<Integer> statuses = ConcurrentRequests.statuses(
                16,
                50,
                (client, n) ->
                        api.send("PUT", CONFIG, acme, "{\"verify_token\":\"client-" + client + "-put-" + n + "\"}"));

        assertThat(statuses).hasSize(800).containsOnly(200);
        assertThat(version()).isEqualTo(before + 800);
        assertThat(audit()).containsEntry("UPDATE", 800L);
    }

    @Test
    void sixteen_concurrent_puts_with_the_same_if_match_give_one_200_and_fifteen_412s() throws Exception {
        String current = "\"" + version() + "\"";

        List<Integer> statuses = ConcurrentRequests.statuses(
                16,
                1,
                (client, n) -> api.send(
                        "PUT", CONFIG, acme, "{\"verify_token\":\"writer-" + client + "\"}", "If-Match", current));

        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 412).hasSize(15);
        assertThat(version()).isEqualTo(2);
        assertThat(audit()).containsEntry("UPDATE", 1L);
    }

    @Test
    void switching_activation_while_others_change_settings_loses_nothing_and_records_every_version() throws Exception {
        int before = version();

        List<Integer> statuses = ConcurrentRequests.statuses(
                16,
                25,
                (client, n) -> client % 2 == 0
                        ? api.send(
                                "PUT",
                                CONFIG,
                                acme,
                                "{\"callback_url\":\"https://acme.example/" + client + "/" + n + "\"}")
                        : api.send("POST", CONFIG + (n % 2 == 0 ? "/deactivate" : "/activate"), acme, null));

        assertThat(statuses).hasSize(400).containsOnly(200);
        Map<String, Long> audit = audit();
        assertThat(audit).containsEntry("UPDATE", 200L);
        long switches = audit.getOrDefault("ACTIVATE", 0L) + audit.getOrDefault("DEACTIVATE", 0L);
        assertThat(version() - before)
                .as("one version per stored change, each with its audit entry")
                .isEqualTo(200 + switches);
        List<String> sequence = jdbi.withHandle(h -> h.createQuery("SELECT action FROM tenant_config_audit"
                        + " WHERE action IN ('ACTIVATE', 'DEACTIVATE') ORDER BY id")
                .mapTo(String.class)
                .list());
        for (int i = 1; i < sequence.size(); i++) {
            assertThat(sequence.get(i))
                    .as("a switch is applied to the state it finds, so switches alternate")
                    .isNotEqualTo(sequence.get(i - 1));
        }
    }

    @Test
    void sixteen_tenants_adding_the_same_number_at_once_leave_it_with_exactly_one_of_them() throws Exception {
        List<String> tokens = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            String token = api.token("tenant-" + t);
            tokens.add(token);
            assertThat(api.send("POST", CONFIG, token, "{}").statusCode()).isEqualTo(201);
        }

        List<Integer> statuses = ConcurrentRequests.statuses(
                16,
                1,
                (client, n) -> api.send(
                        "POST", CONFIG + "/phone-numbers", tokens.get(client), "{\"phone_number_id\":\"5550100\"}"));

        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(15);
        HttpResponse<String> owner =
                api.send("GET", "/api/v1/lookup/phone-numbers/5550100", api.token("platform", "service"), null);
        assertThat(owner.statusCode()).isEqualTo(200);
        long holders = jdbi.withHandle(
                h -> h.createQuery("SELECT count(*) FROM tenant_phone_numbers WHERE phone_number_id = '5550100'")
                        .mapTo(Long.class)
                        .one());
        assertThat(holders).isEqualTo(1);
        long recorded = jdbi.withHandle(
                h -> h.createQuery("SELECT count(*) FROM tenant_config_audit WHERE action = 'PHONE_NUMBER_ADDED'")
                        .mapTo(Long.class)
                        .one());
        assertThat(recorded).as("only the change that was made is recorded").isEqualTo(1);
    }
}
