package io.atelier.store.internal;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

/**
 * Hands Flyway the scripts of {@link Migrations} from this module's own class loader, so Flyway never scans the
 * class path (which fails or finds nothing inside the NetBeans module system).
 */
final class MigrationScripts implements ResourceProvider {

    private final ClassLoader loader;

    MigrationScripts(ClassLoader loader) {
        this.loader = loader;
    }

    @Override
    public LoadableResource getResource(String name) {
        return Migrations.SCRIPTS.stream()
                .filter(script -> script.equals(name) || (Migrations.FOLDER + script).equals(name))
                .findFirst()
                .map(script -> (LoadableResource) new Script(loader, script))
                .orElse(null);
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        List<String> endings = Arrays.asList(suffixes);
        return Migrations.SCRIPTS.stream()
                .filter(script -> script.startsWith(prefix) && endings.stream().anyMatch(script::endsWith))
                .map(script -> (LoadableResource) new Script(loader, script))
                .toList();
    }

    /** One migration script, read from the class path each time Flyway asks. */
    private static final class Script extends LoadableResource {

        private final ClassLoader loader;
        private final String fileName;

        Script(ClassLoader loader, String fileName) {
            this.loader = loader;
            this.fileName = fileName;
        }

        @Override
        public Reader read() {
            InputStream in = loader.getResourceAsStream(getAbsolutePath());
            if (in == null) {
                throw new IllegalStateException("The migration script " + getAbsolutePath()
                        + " is missing from the store module's class path.");
            }
            return new InputStreamReader(in, StandardCharsets.UTF_8);
        }

        @Override
        public String getAbsolutePath() {
            return Migrations.FOLDER + fileName;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return getAbsolutePath();
        }

        @Override
        public String getFilename() {
            return fileName;
        }

        /** Recorded as the script name in Flyway's history table. */
        @Override
        public String getRelativePath() {
            return fileName;
        }
    }
}
