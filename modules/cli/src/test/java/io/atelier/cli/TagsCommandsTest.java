package io.atelier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atelier.core.basemodel.BaseModelFamily;
import io.atelier.core.project.LoraKind;
import io.atelier.core.project.LoraProject;
import io.atelier.core.project.ProjectFolders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TagsCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private Path project;
    private Path dataset;

    @BeforeEach
    void setUp() throws IOException {
        project = ProjectFolders.create(tmp.resolve("mira"),
                LoraProject.create("Mira", "m1ra", LoraKind.CHARACTER, BaseModelFamily.SDXL)).root();
        dataset = project.resolve("dataset");
        String[] captions = {"m1ra, 1girl, long_hair, solo", "1girl, m1ra, smile, smile", null,
                "m1ra, 1boy, ^_^"};
        for (int i = 0; i < captions.length; i++) {
            Files.write(dataset.resolve("0" + (i + 1) + ".png"), new byte[]{1});
            if (captions[i] != null) {
                Files.writeString(dataset.resolve("0" + (i + 1) + ".txt"), captions[i], StandardCharsets.UTF_8);
            }
        }
    }

    private CliRun run(String... args) {
        return CliRun.run(tmp.resolve("home"), args);
    }

    private String caption(int i) throws IOException {
        Path file = dataset.resolve("0" + i + ".txt");
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
    }

    @Test
    void triggerFirstEverywhere() throws IOException {
        CliRun r = run("tags", "trigger", project.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Put \"m1ra\" first: 2 of 4 captions changed, 2 unchanged.");
        assertThat(caption(2)).isEqualTo("m1ra, 1girl, smile, smile\n");
        assertThat(caption(3)).isEqualTo("m1ra\n");
        assertThat(caption(1)).isEqualTo("m1ra, 1girl, long_hair, solo"); // untouched, byte for byte
    }

    @Test
    void addAtAPositionKeepsTheTriggerFirstAndDryRunWritesNothing() throws IOException {
        CliRun dry = run("tags", "add", project.toString(), "masterpiece", "--position", "1", "--dry-run");
        assertThat(dry.out()).contains("4 of 4 captions would change").contains("Dry run: nothing was written.")
                .contains("01.png: m1ra, 1girl, long_hair, solo  ->  m1ra, masterpiece, 1girl, long_hair, solo");
        assertThat(caption(1)).isEqualTo("m1ra, 1girl, long_hair, solo");

        CliRun added = run("tags", "add", project.toString(), "masterpiece", "--position", "1",
                "--filter", "1girl AND NOT 1boy");
        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(caption(1)).isEqualTo("m1ra, masterpiece, 1girl, long_hair, solo\n");
        assertThat(caption(4)).isEqualTo("m1ra, 1boy, ^_^");
    }

    @Test
    void removeReplaceRegexUnderscoresDuplicatesSort() throws IOException {
        assertThat(run("tags", "remove", project.toString(), "solo").exitCode()).isZero();
        assertThat(caption(1)).isEqualTo("m1ra, 1girl, long_hair\n");
        assertThat(run("tags", "remove", project.toString(), "--duplicates").exitCode()).isZero();
        assertThat(caption(2)).isEqualTo("1girl, m1ra, smile\n");
        assertThat(run("tags", "replace", project.toString(), "--underscores").exitCode()).isZero();
        assertThat(caption(1)).isEqualTo("m1ra, 1girl, long hair\n");
        assertThat(caption(4)).isEqualTo("m1ra, 1boy, ^_^"); // kaomoji kept, so unchanged
        assertThat(run("tags", "replace", project.toString(), "1girl", "woman").exitCode()).isZero();
        assertThat(caption(2)).isEqualTo("woman, m1ra, smile\n");
        assertThat(run("tags", "replace", project.toString(), "--regex", "long (\\w+)", "short $1").exitCode())
                .isZero();
        assertThat(caption(1)).isEqualTo("m1ra, woman, short hair\n");
        assertThat(run("tags", "replace", project.toString(), "--sort").exitCode()).isZero();
        assertThat(caption(1)).isEqualTo("m1ra, short hair, woman\n");
    }

    @Test
    void statsJson() throws Exception {
        CliRun r = run("tags", "stats", project.toString(), "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.get("images").asInt()).isEqualTo(4);
        assertThat(j.get("uncaptioned").asInt()).isEqualTo(1);
        assertThat(j.get("withoutTriggerFirst").toString()).isEqualTo("[\"02.png\"]");
        assertThat(j.get("tags").get(0).get("tag").asText()).isEqualTo("m1ra");
        assertThat(j.get("tags").get(0).get("count").asInt()).isEqualTo(3);
        assertThat(j.get("tags").get(0).get("share").asDouble()).isEqualTo(0.75);
    }

    @Test
    void badInputGetsOneLineOrIsListed() throws IOException {
        assertThat(run("tags", "replace", project.toString(), "--regex", "(", "x").errorLine())
                .startsWith("atelier: invalid regular expression");
        assertThat(run("tags", "add", project.toString(), "a, b").errorLine()).contains("comma");
        assertThat(run("tags", "stats", project.toString(), "--filter", "(a").errorLine())
                .isEqualTo("atelier: --filter: missing ')' for the '(' at 1");

        Files.write(dataset.resolve("02.txt"), new byte[]{(byte) 0x89, 'P', 'N', 'G', 0, 0});
        CliRun r = run("tags", "remove", project.toString(), "solo");
        assertThat(r.exitCode()).isEqualTo(AtelierCommand.PARTIAL);
        assertThat(r.out()).contains("Left alone: ").contains("02.txt").contains("binary");
        assertThat(caption(1)).isEqualTo("m1ra, 1girl, long_hair\n");
    }
}
