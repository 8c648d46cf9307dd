package io.atelier.store;

import io.atelier.store.internal.DatabaseFiles;
import io.atelier.store.internal.StoreOpener;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The open store: one H2 database per user in {@code <home>/store}, opened in auto-server mode so that the GUI and
 * the command line can use it at the same time, behind H2's own connection pool. Open it once per process and
 * close it on exit; the repositories are safe to use from any thread.
 */
public final class Store implements AutoCloseable {

    private final StoreLocation location;
    private final JdbcConnectionPool pool;
    private final StoreOpenReport report;
    private final ProjectRepository projects;
    private final BaseModelRepository baseModels;
    private final TaggerTagRepository taggerTags;
    private final ContentCacheRepository contentCache;
    private final PresetRepository presets;
    private final RunRepository runs;
    private final MetricRepository metrics;
    private final SettingsRepository settings;
    private final GalleryRepository gallery;

    private Store(StoreLocation location, JdbcConnectionPool pool, StoreOpenReport report, Clock clock) {
        this.location = location;
        this.pool = pool;
        this.report = report;
        Transactions transactions = new Transactions(pool);
        this.projects = new ProjectRepository(transactions, clock);
        this.baseModels = new BaseModelRepository(transactions);
        this.taggerTags = new TaggerTagRepository(transactions);
        this.contentCache = new ContentCacheRepository(transactions, clock);
        this.presets = new PresetRepository(transactions, clock);
        this.runs = new RunRepository(transactions, clock);
        this.metrics = new MetricRepository(transactions);
        this.settings = new SettingsRepository(transactions);
        this.gallery = new GalleryRepository(transactions, clock);
    }

    /**
     * Opens the store, creating it on first use. Migrates an older schema (after backing it up), makes the daily
     * backup, and replaces a damaged database file by its newest good backup (or an empty store); see
     * {@link #report()} for what was done.
     *
     * @throws StoreException when the store cannot be used: a folder that cannot be created or written, a database
     *                        from a newer LoRA Atelier, a migration that failed. The message names the file and
     *                        the problem.
     */
    public static Store open(StoreLocation location) throws StoreException {
        return open(location, Clock.systemDefaultZone());
    }

    /** {@link #open(StoreLocation)} on a given clock, which dates backups and decides when a day has passed. */
    static Store open(StoreLocation location, Clock clock) throws StoreException {
        Objects.requireNonNull(location, "location");
        StoreOpener.Opened opened = StoreOpener.open(location.databaseDir(), location.backupDir(), clock);
        return new Store(location, opened.pool(), opened.report(), clock);
    }

    /** What happened while opening: migrations, backups, recovery. */
    public StoreOpenReport report() {
        return report;
    }

    public ProjectRepository projects() {
        return projects;
    }

    public BaseModelRepository baseModels() {
        return baseModels;
    }

    /** The tags tagger models wrote, per image content. */
    public TaggerTagRepository taggerTags() {
        return taggerTags;
    }

    /** Values computed from file contents, kept between runs. */
    public ContentCacheRepository contentCache() {
        return contentCache;
    }

    /** User presets of training parameters, with their version histories. */
    public PresetRepository presets() {
        return presets;
    }

    /** Training runs of every project and their queue. */
    public RunRepository runs() {
        return runs;
    }

    /** The metric series of runs. */
    public MetricRepository metrics() {
        return metrics;
    }

    /** Settings the app and the command line share (engines, the queue). */
    public GalleryRepository gallery() {
        return gallery;
    }

    public SettingsRepository settings() {
        return settings;
    }

    public StoreLocation location() {
        return location;
    }

    /** The H2 database file, {@code <home>/store/atelier.mv.db}. */
    public Path databaseFile() {
        return new DatabaseFiles(location.databaseDir()).databaseFile();
    }

    /**
     * Closes the pool's connections. When this process served the database to others, one of them takes over.
     * Calling it again does nothing.
     */
    @Override
    public void close() {
        pool.dispose();
    }
}
