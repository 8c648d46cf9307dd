package io.atelier.store;

import io.atelier.core.basemodel.BaseModelFamily;
import io.atelier.core.project.LoraKind;
import io.atelier.core.project.LoraProject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * A second process using the store, as the command line does while the GUI runs. Started by the tests in its own
 * JVM; speaks through stdout lines and its exit code.
 *
 * <pre>
 * register HOME PREFIX COUNT EXPECTED_TOTAL   open, print OPENED, register COUNT projects, then wait until the
 *                                             library holds EXPECTED_TOTAL projects and print SEEN n
 * list HOME                                   open, print PROJECTS n and the report's notices
 * </pre>
 */
public final class StoreClientProcess {

    private StoreClientProcess() {
    }

    public static void main(String[] args) throws Exception {
        StoreLocation location = new StoreLocation(Path.of(args[1]));
        try (Store store = Store.open(location)) {
            System.out.println("OPENED");
            if (args[0].equals("register")) {
                register(store, location, args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            } else {
                System.out.println("PROJECTS " + store.projects().list().size());
                store.report().notices().forEach(n -> System.out.println("NOTICE " + n));
            }
        }
        System.exit(0);
    }

    private static void register(Store store, StoreLocation location, String prefix, int count, int expectedTotal)
            throws InterruptedException {
        for (int i = 0; i < count; i++) {
            LoraProject project = LoraProject.create(prefix + "-" + i, prefix + "_trigger_" + i, LoraKind.STYLE,
                    BaseModelFamily.SD15);
            store.projects().register(project, location.home().resolve("loras/" + prefix + "-" + i));
            store.projects().markOpened(project.id(), Instant.now());
        }
        long deadline = System.nanoTime() + 60_000_000_000L;
        List<RegisteredProject> seen = store.projects().list();
        while (seen.size() < expectedTotal && System.nanoTime() < deadline) {
            Thread.sleep(50);
            seen = store.projects().list();
        }
        System.out.println("SEEN " + seen.size());
    }
}
