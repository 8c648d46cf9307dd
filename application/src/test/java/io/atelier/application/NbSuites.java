package io.atelier.application;

import java.nio.file.Files;
import java.nio.file.Path;
import junit.framework.TestResult;
import junit.textui.TestRunner;
import org.junit.jupiter.api.Assertions;

/**
 * Runs an NbModuleSuite (JUnit 3/4 style) from a Jupiter test and fails on its failures. Running the suites
 * through JUnit's vintage engine would drop their results, failures included (netbeans-build.md, section 6).
 */
final class NbSuites {

    private NbSuites() {
    }

    static void run(junit.framework.Test suite) {
        TestResult result = TestRunner.run(suite);
        Assertions.assertTrue(result.runCount() > 0, "the suite ran no test");
        Assertions.assertTrue(result.wasSuccessful(),
                result.failureCount() + " failures, " + result.errorCount() + " errors (details above)");
    }

    /**
     * The assembled application with every module enabled, failing on any warning or logged exception.
     * {@code gui} starts the real main window (needs a display).
     */
    static junit.framework.Test appSuite(Class<? extends org.netbeans.junit.NbTestCase> test, boolean gui) {
        return org.netbeans.junit.NbModuleSuite.createConfiguration(test)
                .gui(gui)
                .clusters(".*")
                .enableModules(".*")
                .honorAutoloadEager(true)
                .enableClasspathModules(false)
                .failOnMessage(java.util.logging.Level.WARNING)
                .failOnException(java.util.logging.Level.INFO)
                .suite();
    }

    /** A fresh store home for one suite, so tests never touch the user's ~/.atelier. */
    static Path freshHome(String name) throws java.io.IOException {
        Path base = Path.of(System.getProperty("nbjunit.workdir", System.getProperty("java.io.tmpdir")));
        Files.createDirectories(base);
        return Files.createTempDirectory(base, name);
    }
}
