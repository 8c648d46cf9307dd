package io.atelier.store;

import static io.atelier.store.StoreTestSupport.clockAt;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command-line start must stay fast: on an up-to-date store, opening it must not even load Flyway. Checked in a
 * fresh JVM that lists every class it loads.
 */
class FastPathTest {

    @TempDir
    Path home;

    @Test
    @Timeout(60)
    void anUpToDateStoreOpensInAFreshJvmWithoutLoadingFlyway() throws Exception {
        Store.open(new StoreLocation(home), clockAt("2026-11-29T10:15:00")).close();

        List<String> output = runClientListingClasses("list", home.toString());

        assertThat(output).contains("OPENED", "PROJECTS 0");
        assertThat(output).as("classes loaded from Flyway").noneMatch(line -> line.contains("org.flywaydb"));
        assertThat(output).as("H2 was used").anyMatch(line -> line.contains("org.h2.jdbcx.JdbcConnectionPool"));
    }

    @Test
    @Timeout(60)
    void anOlderStoreIsMigratedInAFreshJvmOnThePlainClassPath() throws Exception {
        StoreMigrationTest.databaseAtVersion1WithOneProject(new StoreLocation(home));

        List<String> output = runClientListingClasses("list", home.toString());

        assertThat(output).as("the check above can see Flyway when it is used")
                .anyMatch(line -> line.contains("org.flywaydb.core.Flyway "));
        assertThat(output).contains("PROJECTS 1", "NOTICE Migrated the store from schema version 1 to 8.");
    }

    private static List<String> runClientListingClasses(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-verbose:class",
                "-cp", System.getProperty("java.class.path"),
                StoreClientProcess.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output.lines().toList();
    }
}
