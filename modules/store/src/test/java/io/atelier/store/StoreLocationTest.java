package io.atelier.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoreLocationTest {

    private static final Map<String, String> ENV_WITH_HOME = Map.of("ATELIER_HOME", "/srv/atelier-env");

    @Test
    void theHomeOptionWinsOverTheEnvironment() {
        StoreLocation location = StoreLocation.resolve("/data/atelier-option", ENV_WITH_HOME, "/home/ann");

        assertThat(location.home()).isEqualTo(Path.of("/data/atelier-option"));
    }

    @Test
    void theEnvironmentWinsOverTheUserHome() {
        Path fromEnvironment = Path.of("/srv/atelier-env");

        assertThat(StoreLocation.resolve(null, ENV_WITH_HOME, "/home/ann").home()).isEqualTo(fromEnvironment);
        assertThat(StoreLocation.resolve("  ", ENV_WITH_HOME, "/home/ann").home()).isEqualTo(fromEnvironment);
    }

    @Test
    void withoutOptionOrEnvironmentTheHomeIsDotAtelierInTheUserHome() {
        StoreLocation location = StoreLocation.resolve(null, Map.of("ATELIER_HOME", ""), "/home/ann");

        assertThat(location.home()).isEqualTo(Path.of("/home/ann/.atelier"));
        assertThat(location.databaseDir()).isEqualTo(Path.of("/home/ann/.atelier/store"));
        assertThat(location.backupDir()).isEqualTo(Path.of("/home/ann/.atelier/backups"));
    }

    @Test
    void aRelativeHomeIsMadeAbsoluteAndNormalised() {
        StoreLocation location = new StoreLocation(Path.of("some/../atelier-home"));

        assertThat(location.home()).isAbsolute().isEqualTo(Path.of("atelier-home").toAbsolutePath());
    }
}
