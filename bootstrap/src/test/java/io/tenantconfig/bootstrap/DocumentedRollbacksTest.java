package io.tenantconfig.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantconfig.adapters.persistence.PostgresAdapters;
import io.tenantconfig.adapters.persistence.testing.TestDatabase;
import io.tenantconfig.testing.SecretValues;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every schema command the operations guide gives runs here as the operator runs it ({@code java
 * -jar tenant-config.jar db ...}), and each rollback must leave exactly the schema its tag names:
 * the tables, columns, indexes, constraints, triggers and functions of a database migrated only
 * that far.
 */
class DocumentedRollbacksTest {

    private static final Path OPERATIONS = Path.of("..", "docs", "operations.md");
    private static final Pattern ROLLBACK = Pattern.compile("db rollback[^`\\n]*");
    private static final String FULL_ROLLBACK = "db rollback --date 2000/01/01 config.yml";
    private static final Pattern BY_TAG = Pattern.compile("db rollback --tag schema-(\\d+) config\\.yml");

    @TempDir
    Path directory;

    @Test
    void every_documented_rollback_leaves_the_schema_of_the_changeset_its_tag_names() throws Exception {
        List<Integer> targets = documentedTargets();
        assertThat(targets).as("the rollbacks docs/operations.md gives").isNotEmpty();

        TestDatabase stepped = TestDatabase.empty();
        Path steppedConfig = config("stepped", stepped);
        Map<Integer, Set<String>> schemaAt = new TreeMap<>();
        int changeSets = changeSetsInTheChangelog();
        for (int n = 1; n <= changeSets; n++) {
            CommandLine.run("", "db", "migrate", "--count", "1", steppedConfig.toString());
            schemaAt.put(n, schema(stepped));
        }

        TestDatabase database = TestDatabase.empty();
        Path config = config("operator", database);
        CommandLine.run("", "db", "migrate", config.toString());
        for (int target : targets.stream().sorted((a, b) -> b - a).toList()) {
            CommandLine.run("", "db", "rollback", "--tag", "schema-" + target, config.toString());
            assertThat(appliedChangeSets(database))
                    .as("changeSets left by db rollback --tag schema-%d", target)
                    .hasSize(target);
            assertThat(schema(database))
                    .as("the schema after db rollback --tag schema-%d", target)
                    .isEqualTo(schemaAt.get(target));
        }

        CommandLine.run("", "db", "migrate", config.toString());
        assertThat(schema(database)).as("migrating again after the rollbacks").isEqualTo(schemaAt.get(changeSets));
    }

    @Test
    void the_documented_full_rollback_undoes_every_changeset_and_leaves_no_table() throws Exception {
        assertThat(Files.readString(OPERATIONS)).contains("`" + FULL_ROLLBACK + "`");
        TestDatabase database = TestDatabase.empty();
        Path config = config("operator", database);
        CommandLine.run("", "db", "migrate", config.toString());

        CommandLine.run("", "db", "rollback", "--date", "2000/01/01", config.toString());

        assertThat(appliedChangeSets(database)).isEmpty();
        assertThat(schema(database)).isEmpty();
        CommandLine.run("", "db", "migrate", config.toString());
        assertThat(appliedChangeSets(database)).hasSize(changeSetsInTheChangelog());
    }

    @Test
    void every_changeset_but_the_newest_carries_its_tag_so_a_later_release_cannot_move_a_target() {
        TestDatabase database = TestDatabase.migrated();
        List<Map<String, Object>> rows = Jdbi.create(database.dataSource())
                .withHandle(h -> h.createQuery("SELECT id, tag FROM databasechangelog ORDER BY orderexecuted")
                        .mapToMap()
                        .list());
        assertThat(rows).hasSize(changeSetsInTheChangelog());
        for (Map<String, Object> row : rows.subList(0, rows.size() - 1)) {
            String id = (String) row.get("id");
            assertThat(row.get("tag"))
                    .as("the tag of %s (begin each new changeSet with the UPDATE of changeSet 20)", id)
                    .isEqualTo("schema-" + id.substring(0, id.indexOf('-')));
        }
    }

    /** The targets of the guide's rollback commands; a rollback it gives in any other form fails the test. */
    private static List<Integer> documentedTargets() throws Exception {
        Set<Integer> targets = new LinkedHashSet<>();
        Matcher matcher = ROLLBACK.matcher(Files.readString(OPERATIONS));
        while (matcher.find()) {
            String command = matcher.group().strip();
            if (command.equals("db rollback")
                    || command.startsWith("db rollback --tag schema-N")
                    || command.equals(FULL_ROLLBACK)) {
                continue; // the command's name, its general form, or the full rollback (the test above)
            }
            Matcher byTag = BY_TAG.matcher(command);
            assertThat(byTag.matches())
                    .as(
                            "'%s' in docs/operations.md: a rollback is documented as db rollback --tag schema-N"
                                    + " config.yml",
                            command)
                    .isTrue();
            targets.add(Integer.parseInt(byTag.group(1)));
        }
        return new ArrayList<>(targets);
    }

    private Path config(String name, TestDatabase database) throws Exception {
        return OperatorConfig.write(directory, name, database, SecretValues.secret(PostgresAdapters.newKeyset()), "");
    }

    private static int changeSetsInTheChangelog() {
        TestDatabase database = TestDatabase.migrated();
        return appliedChangeSets(database).size();
    }

    private static List<String> appliedChangeSets(TestDatabase database) {
        return Jdbi.create(database.dataSource())
                .withHandle(h -> h.createQuery("SELECT id FROM databasechangelog ORDER BY orderexecuted")
                        .mapTo(String.class)
                        .list());
    }

    /** What a schema is made of, each item as one line; Liquibase's own tables left out. */
    private static Set<String> schema(TestDatabase database) {
        return new LinkedHashSet<>(Jdbi.create(database.dataSource())
                .withHandle(h -> h.createQuery("""
                    SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type
                           || coalesce('(' || character_maximum_length || ')', '') || ' null=' || is_nullable
                           || ' default=' || coalesce(column_default, '-')
                      FROM information_schema.columns
                     WHERE table_schema = 'public' AND table_name NOT LIKE 'databasechangelog%'
                    UNION ALL
                    SELECT 'index ' || indexdef FROM pg_indexes
                     WHERE schemaname = 'public' AND tablename NOT LIKE 'databasechangelog%'
                    UNION ALL
                    SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
                      FROM pg_constraint
                     WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text NOT LIKE 'databasechangelog%'
                    UNION ALL
                    SELECT 'trigger ' || tgrelid::regclass || ' ' || tgname FROM pg_trigger WHERE NOT tgisinternal
                    UNION ALL
                    SELECT 'function ' || proname FROM pg_proc WHERE pronamespace = 'public'::regnamespace
                    ORDER BY 1
                    """).mapTo(String.class).list()));
    }
}
