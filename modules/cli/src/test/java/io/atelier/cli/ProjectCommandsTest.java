package io.atelier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private Path home() {
        return tmp.resolve("home");
    }

    private CliRun create(String dir, String name, String trigger) {
        return CliRun.run(home(), "project", "create", "--dir", tmp.resolve(dir).toString(), "--name", name,
                "--trigger", trigger, "--kind", "character", "--base-model", "illustrious");
    }

    @Test
    void createListShowRemove() throws Exception {
        CliRun created = create("mira", "Mira", "m1ra");
        assertThat(created.exitCode()).as(created.err()).isZero();
        Files.writeString(tmp.resolve("mira/dataset/01.png"), "x");
        Files.writeString(tmp.resolve("mira/dataset/01.txt"), "m1ra, 1girl");

        JsonNode list = JSON.readTree(CliRun.run(home(), "project", "list", "--json").out());
        assertThat(list).hasSize(1);
        JsonNode p = list.get(0);
        List<String> fields = new ArrayList<>();
        p.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("id", "name", "triggerWord", "kind", "baseModel", "folder", "registered",
                "state", "problem", "images", "captioned", "runs", "created", "registeredAt", "lastOpened");
        assertThat(p.get("name").asText()).isEqualTo("Mira");
        assertThat(p.get("kind").asText()).isEqualTo("character");
        assertThat(p.get("baseModel").asText()).isEqualTo("illustrious");
        assertThat(p.get("state").asText()).isEqualTo("ok");
        assertThat(p.get("images").asInt()).isEqualTo(1);
        assertThat(p.get("captioned").asInt()).isEqualTo(1);

        CliRun show = CliRun.run(home(), "project", "show", tmp.resolve("mira").toString(), "--json");
        assertThat(JSON.readTree(show.out()).get("registered").asBoolean()).isTrue();
        assertThat(CliRun.run(home(), "project", "show", tmp.resolve("mira").toString()).out())
                .contains("trigger word", "m1ra", "in library");

        CliRun removed = CliRun.run(home(), "project", "remove", tmp.resolve("mira").toString());
        assertThat(removed.exitCode()).isZero();
        assertThat(tmp.resolve("mira/atelier.json")).exists();
        assertThat(JSON.readTree(CliRun.run(home(), "project", "list", "--json").out())).isEmpty();
    }

    @Test
    void duplicateTriggerIsRefusedCaseInsensitivelyAndCreatesNothing() {
        create("mira", "Mira", "m1ra");
        CliRun second = create("other", "Other", "M1RA");
        assertThat(second.exitCode()).isEqualTo(1);
        assertThat(second.errorLine()).startsWith("atelier: trigger word \"M1RA\" is already used by \"Mira\" in ")
                .endsWith("trigger words must be unique");
        assertThat(tmp.resolve("other")).doesNotExist();
    }

    @Test
    void missingAndBrokenFoldersAreStatesNotErrors() throws Exception {
        create("mira", "Mira", "m1ra");
        create("nova", "Nova", "n0va");
        Files.move(tmp.resolve("mira"), tmp.resolve("mira-moved"));
        Files.writeString(tmp.resolve("nova/atelier.json"), "{ \"name\": ");

        CliRun list = CliRun.run(home(), "project", "list", "--json");
        assertThat(list.exitCode()).isZero();
        JsonNode rows = JSON.readTree(list.out());
        assertThat(rows.findValuesAsText("state")).containsExactlyInAnyOrder("missing", "broken");
        assertThat(rows.findValuesAsText("problem")).anySatisfy(p -> assertThat(p).contains("no longer exists"))
                .anySatisfy(p -> assertThat(p).contains("atelier.json").contains("not valid JSON"));
        assertThat(CliRun.run(home(), "project", "list").out()).contains("missing", "broken");

        CliRun show = CliRun.run(home(), "project", "show", tmp.resolve("nova").toString());
        assertThat(show.exitCode()).isEqualTo(1);
        assertThat(show.errorLine()).contains(tmp.resolve("nova/atelier.json").toString()).contains("not valid JSON");
        assertThat(Files.readString(tmp.resolve("nova/atelier.json"))).isEqualTo("{ \"name\": ");
    }

    @Test
    void addRegistersAnExistingFolderAndRefusesACopy() throws Exception {
        create("mira", "Mira", "m1ra");
        CliRun.run(home(), "project", "remove", tmp.resolve("mira").toString());
        CliRun added = CliRun.run(home(), "project", "add", tmp.resolve("mira").toString());
        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(JSON.readTree(CliRun.run(home(), "project", "list", "--json").out())).hasSize(1);

        copyTree(tmp.resolve("mira"), tmp.resolve("mira-copy"));
        CliRun copy = CliRun.run(home(), "project", "add", tmp.resolve("mira-copy").toString());
        assertThat(copy.exitCode()).isEqualTo(1);
        assertThat(copy.errorLine()).contains("is a copy of \"Mira\"");
        JsonNode list = JSON.readTree(CliRun.run(home(), "project", "list", "--json").out());
        assertThat(list.get(0).get("folder").asText()).isEqualTo(tmp.resolve("mira").toString());
    }

    private static void copyTree(Path from, Path to) throws java.io.IOException {
        try (var paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Files.copy(p, to.resolve(from.relativize(p).toString()));
            }
        }
    }

    @Test
    void badArgumentsGetOneLine() throws Exception {
        CliRun badKind = CliRun.run(home(), "project", "create", "--dir", tmp.resolve("x").toString(), "--name", "X",
                "--trigger", "xx", "--kind", "portrait");
        assertThat(badKind.exitCode()).isEqualTo(1);
        assertThat(badKind.errorLine()).isEqualTo("atelier: unknown kind \"portrait\"; expected style, character, concept");

        CliRun badTrigger = CliRun.run(home(), "project", "create", "--dir", tmp.resolve("x").toString(), "--name", "X",
                "--trigger", "a,b", "--kind", "style");
        assertThat(badTrigger.exitCode()).isEqualTo(1);
        assertThat(badTrigger.errorLine()).contains("without commas");

        CliRun usage = CliRun.run(home(), "project", "create", "--name", "X");
        assertThat(usage.exitCode()).isEqualTo(2);
        assertThat(usage.errorLine()).startsWith("atelier: Missing required options");

        CliRun notInLibrary = CliRun.run(home(), "project", "remove", tmp.toString());
        assertThat(notInLibrary.exitCode()).isEqualTo(1);
        assertThat(notInLibrary.errorLine()).isEqualTo("atelier: " + tmp + " is not in the library");

        Path readOnly = Files.createDirectory(tmp.resolve("ro"));
        readOnly.toFile().setWritable(false, false);
        try {
            CliRun ro = CliRun.run(home(), "project", "create", "--dir", readOnly.resolve("p").toString(), "--name",
                    "P", "--trigger", "pp", "--kind", "style");
            assertThat(ro.exitCode()).isEqualTo(1);
            assertThat(ro.errorLine()).isEqualTo("atelier: " + readOnly + " is read-only; choose another folder or make it writable");
        } finally {
            readOnly.toFile().setWritable(true, false);
        }
    }
}
