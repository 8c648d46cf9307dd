package io.atelier.store;

import static io.atelier.store.StoreTestSupport.clockAt;
import static io.atelier.store.StoreTestSupport.project;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The GUI and the command line use one store at the same time: H2's auto-server mode. */
class ConcurrentAccessTest {

    private static final int EACH = 25;

    @TempDir
    Path home;

    @Test
    @Timeout(120)
    void aSecondProcessRegistersAndListsWhileThisOneHoldsTheStoreOpenAndWrites() throws Exception {
        StoreLocation location = new StoreLocation(home);
        try (Store gui = Store.open(location, clockAt("2026-11-29T10:15:00"))) {
            gui.projects().register(project("gui-before", "gui_before"), home.resolve("loras/gui-before"));
            int total = 1 + 2 * EACH;

            Process cli = startClient("register", home.toString(), "cli", String.valueOf(EACH), String.valueOf(total));
            CountDownLatch cliOpened = new CountDownLatch(1);
            List<String> cliOutput = new CopyOnWriteArrayList<>();
            CompletableFuture<Void> stdout = CompletableFuture.runAsync(() -> collect(cli, cliOutput, cliOpened));
            StringBuilder cliErrors = new StringBuilder();
            CompletableFuture<Void> stderr = CompletableFuture.runAsync(() -> drain(cli, cliErrors));

            assertThat(cliOpened.await(60, TimeUnit.SECONDS)).as("the CLI opened the store; stderr: %s", cliErrors)
                    .isTrue();
            for (int i = 0; i < EACH; i++) {
                gui.projects().register(project("gui-" + i, "gui_trigger_" + i), home.resolve("loras/gui-" + i));
            }

            assertThat(cli.waitFor(90, TimeUnit.SECONDS)).as("the CLI finished").isTrue();
            stdout.get(10, TimeUnit.SECONDS);
            stderr.get(10, TimeUnit.SECONDS);
            assertThat(cli.exitValue()).as("CLI exit code; stderr: %s", cliErrors).isZero();
            assertThat(cliErrors.toString()).doesNotContainIgnoringCase("lock").doesNotContain("Exception");
            assertThat(cliOutput).contains("SEEN " + total);

            List<RegisteredProject> all = gui.projects().list();
            assertThat(all).hasSize(total);
            assertThat(all).filteredOn(p -> p.project().name().startsWith("cli-")).hasSize(EACH)
                    .allSatisfy(p -> assertThat(p.lastOpened()).isNotNull());
            assertThat(gui.projects().findByTriggerWord("CLI_TRIGGER_7")).hasSize(1);
        }
    }

    @Test
    @Timeout(60)
    void theCommandLineStillWorksAfterTheProcessThatServedTheStoreClosedIt() throws Exception {
        StoreLocation location = new StoreLocation(home);
        try (Store gui = Store.open(location, clockAt("2026-11-29T10:15:00"))) {
            gui.projects().register(project("gui", "gui"), home.resolve("loras/gui"));
        }

        Process cli = startClient("list", home.toString());
        List<String> output = new ArrayList<>();
        collect(cli, output, new CountDownLatch(1));
        assertThat(cli.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(cli.exitValue()).isZero();
        assertThat(output).contains("PROJECTS 1");
    }

    @Test
    @Timeout(60)
    void twoStoresOpenedInOneProcessShareTheDatabase() throws Exception {
        StoreLocation location = new StoreLocation(home);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (Store first = Store.open(location, clockAt("2026-11-29T10:15:00"));
             Store second = Store.open(location, clockAt("2026-11-29T10:15:01"))) {
            assertThat(second.report().notices()).isEmpty();
            List<Future<?>> writers = new ArrayList<>();
            for (Store store : List.of(first, second)) {
                String prefix = store == first ? "first" : "second";
                writers.add(threads.submit(() -> {
                    for (int i = 0; i < EACH; i++) {
                        store.projects().register(project(prefix + "-" + i, prefix + "_" + i),
                                home.resolve("loras/" + prefix + "-" + i));
                    }
                }));
            }
            for (Future<?> writer : writers) {
                writer.get(30, TimeUnit.SECONDS);
            }

            assertThat(first.projects().list()).hasSize(2 * EACH);
            assertThat(second.projects().list()).hasSize(2 * EACH);
            first.close();
            assertThat(second.projects().list()).as("closing one leaves the other working").hasSize(2 * EACH);
        } finally {
            threads.shutdownNow();
        }
    }

    private static Process startClient(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                StoreClientProcess.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).start();
    }

    private static void collect(Process process, List<String> lines, CountDownLatch opened) {
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
                if (line.equals("OPENED")) {
                    opened.countDown();
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Reading the client's output failed", e);
        }
    }

    private static void drain(Process process, StringBuilder errors) {
        try {
            errors.append(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("Reading the client's errors failed", e);
        }
    }
}
