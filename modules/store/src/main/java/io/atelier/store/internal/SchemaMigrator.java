package io.atelier.store.internal;

import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Runs Flyway over the store. Only called when {@link SchemaState#isUpToDate()} is false, so Flyway's classes are
 * not even loaded on a normal start.
 */
public final class SchemaMigrator {

    private SchemaMigrator() {
    }

    /**
     * Migrates to the latest version.
     *
     * @return how many migrations were applied
     * @throws FlywayException when validation or a migration fails
     */
    public static int migrate(DataSource dataSource) {
        return migrate(dataSource, null);
    }

    /**
     * Migrates up to {@code targetVersion} (null: the latest). A target lets tests build a database of an
     * earlier schema version.
     */
    public static int migrate(DataSource dataSource, String targetVersion) {
        ClassLoader moduleLoader = SchemaMigrator.class.getClassLoader();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Inside NetBeans the context loader is the system-wide one; anything Flyway loads through it must come
        // from this module instead.
        thread.setContextClassLoader(moduleLoader);
        try {
            FluentConfiguration configuration = Flyway.configure(moduleLoader)
                    .dataSource(dataSource)
                    .resourceProvider(new MigrationScripts(moduleLoader))
                    .javaMigrationClassProvider(List::of)
                    .placeholderReplacement(false)
                    .validateMigrationNaming(true);
            if (targetVersion != null) {
                configuration.target(targetVersion);
            }
            MigrateResult result = configuration.load().migrate();
            return result.migrationsExecuted;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
