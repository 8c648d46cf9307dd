package io.atelier.cli;

import io.atelier.core.basemodel.BaseModelFamily;
import io.atelier.core.project.LoraKind;
import io.atelier.core.project.LoraProject;
import io.atelier.core.project.ProjectFolders;
import io.atelier.store.Store;
import io.atelier.store.StoreLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code atelier project list} with 1,000 projects in the store, through the real launcher, against the floor a
 * user could not beat with any JVM tool (a bare {@code java -version}) and against listing the same folders
 * with {@code find … -name atelier.json | xargs cat}. Not a test: run after {@code mvn package}:
 * {@code java -cp "modules/cli/target/atelier/lib/*:modules/cli/target/test-classes" io.atelier.cli.ProjectListBenchmark}
 */
public final class ProjectListBenchmark {

    public static void main(String[] args) throws Exception {
        Path launcher = Path.of("modules/cli/target/atelier/bin/atelier").toAbsolutePath();
        Path work = Files.createTempDirectory("atelier-bench");
        Path home = work.resolve("home");
        Path projects = work.resolve("projects");
        try (Store store = Store.open(new StoreLocation(home))) {
            for (int i = 0; i < 1000; i++) {
                LoraProject p = LoraProject.create("Project " + i, "trig" + i, LoraKind.values()[i % 3],
                        BaseModelFamily.values()[i % 5]);
                Path dir = ProjectFolders.create(projects.resolve("p" + i), p).root();
                for (int img = 1; img <= 3; img++) {
                    Files.writeString(dir.resolve("dataset/0" + img + ".png"), "x");
                    Files.writeString(dir.resolve("dataset/0" + img + ".txt"), "trig" + i + ", tag");
                }
                store.projects().register(p, dir);
            }
        }
        String cliList = launcher + " --home " + home + " project list --json > /dev/null";
        String javaFloor = "java -XX:TieredStopAtLevel=1 -Xshare:auto -version 2> /dev/null";
        String findCat = "find " + projects + " -name atelier.json | xargs cat > /dev/null";
        List<Long> cli = new ArrayList<>();
        List<Long> floor = new ArrayList<>();
        List<Long> find = new ArrayList<>();
        time(cliList);
        time(javaFloor);
        time(findCat);
        for (int i = 0; i < 5; i++) {
            cli.add(time(cliList));
            floor.add(time(javaFloor));
            find.add(time(findCat));
        }
        System.out.printf("atelier project list --json, 1000 projects: %s ms, median %d ms%n", cli, median(cli));
        System.out.printf("java -version (JVM start floor):            %s ms, median %d ms%n", floor, median(floor));
        System.out.printf("find | xargs cat of the 1000 atelier.json:  %s ms, median %d ms%n", find, median(find));
        System.out.printf("ratio list / JVM floor: %.2f; list / find+cat: %.2f%n",
                median(cli) / (double) median(floor), median(cli) / (double) median(find));
        deleteTree(work);
    }

    private static long time(String shell) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder("sh", "-c", shell).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("failed: " + shell);
        }
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
