package io.atelier.store;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where the store lives: the LoRA Atelier home folder, holding {@code store/} (the database) and {@code backups/}.
 *
 * @param home absolute, normalised home folder
 */
public record StoreLocation(Path home) {

    /** The environment variable that overrides the default home. */
    public static final String HOME_VARIABLE = "ATELIER_HOME";

    public StoreLocation {
        Objects.requireNonNull(home, "home");
        home = home.toAbsolutePath().normalize();
    }

    /**
     * The home to use: the {@code --home} option when given, then the {@code ATELIER_HOME} environment variable,
     * then {@code ~/.atelier}.
     *
     * @param homeOptionOrNull the value of {@code --home}, or null when the option was not given
     */
    public static StoreLocation resolve(String homeOptionOrNull) {
        return resolve(homeOptionOrNull, System.getenv(), System.getProperty("user.home"));
    }

    /** {@link #resolve(String)} with the environment and user home passed in, so the precedence can be tested. */
    static StoreLocation resolve(String homeOptionOrNull, Map<String, String> environment, String userHome) {
        if (homeOptionOrNull != null && !homeOptionOrNull.isBlank()) {
            return new StoreLocation(Path.of(homeOptionOrNull.strip()));
        }
        String fromEnvironment = environment.get(HOME_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return new StoreLocation(Path.of(fromEnvironment.strip()));
        }
        return new StoreLocation(Path.of(userHome, ".atelier"));
    }

    /** The folder holding the H2 database files. */
    public Path databaseDir() {
        return home.resolve("store");
    }

    /** The folder holding the automatic backups (the last seven are kept). */
    public Path backupDir() {
        return home.resolve("backups");
    }

    /** Thumbnails of dataset images, shared by every project (keyed by content). */
    public Path thumbnailDir() {
        return home.resolve("cache").resolve("thumbnails");
    }
}
