package io.atelier.store.internal;

import java.util.List;

/**
 * The schema migrations this build knows, listed by name. Listing them (instead of letting Flyway scan the class
 * path) is what makes them load inside the NetBeans module class loader, whose jars Flyway cannot scan.
 * A new migration is a new SQL file in {@value #FOLDER} and a new line here; a test checks the two agree.
 */
public final class Migrations {

    /** The class-path folder of the migration scripts. */
    public static final String FOLDER = "io/atelier/store/migration/";

    /** Flyway's naming: {@code V<version>__<description>.sql}, applied in order. */
    public static final List<String> SCRIPTS = List.of(
            "V1__projects_and_base_models.sql",
            "V2__app_state_and_trigger_index.sql",
            "V3__tagger_tags.sql",
            "V4__content_cache.sql",
            "V5__presets.sql",
            "V6__runs.sql",
            "V7__run_progress_metrics_files_settings.sql",
            "V8__gallery.sql");

    private Migrations() {
    }

    /** The versions of {@link #SCRIPTS}, in order. */
    public static List<String> versions() {
        return SCRIPTS.stream().map(Migrations::versionOf).toList();
    }

    /** The highest version this build can migrate to. */
    public static String latestVersion() {
        return versionOf(SCRIPTS.get(SCRIPTS.size() - 1));
    }

    /** {@code V2__app_state.sql} → {@code 2}. */
    static String versionOf(String script) {
        return script.substring(1, script.indexOf("__")).replace('_', '.');
    }
}
