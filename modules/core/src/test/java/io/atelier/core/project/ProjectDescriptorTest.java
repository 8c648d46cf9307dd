package io.atelier.core.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atelier.core.basemodel.BaseModelFamily;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectDescriptorTest {

    @TempDir
    Path dir;

    private final LoraProject project = LoraProject.create("Glass Shards", "GLSHS", LoraKind.STYLE, BaseModelFamily.PONY);

    @Test
    void roundTrips() throws Exception {
        ProjectDescriptor.write(dir, project);
        assertThat(ProjectDescriptor.read(dir)).isEqualTo(project);
        assertThat(Files.readString(dir.resolve("atelier.json")))
                .contains("\"triggerWord\" : \"GLSHS\"", "\"kind\" : \"style\"", "\"baseModel\" : \"pony\"");
    }

    @Test
    void keepsFieldsItDoesNotKnowWhenRewriting() throws Exception {
        Files.writeString(dir.resolve("atelier.json"), """
                {"formatVersion":1,"id":"%s","name":"Old","triggerWord":"GLSHS","kind":"style",
                 "baseModel":"pony","created":"%s","notes":"hand-written, keep me"}
                """.formatted(project.id(), project.created()));
        ProjectDescriptor.write(dir, project);
        assertThat(Files.readString(dir.resolve("atelier.json"))).contains("hand-written, keep me", "Glass Shards");
    }

    @Test
    void malformedJsonNamesFileAndPosition() throws Exception {
        Path file = dir.resolve("atelier.json");
        Files.writeString(file, "{\"name\": \"x\",\n \"kind\": }");
        assertThatThrownBy(() -> ProjectDescriptor.read(dir))
                .isInstanceOf(ProjectDescriptorException.class)
                .hasMessageStartingWith(file.toString())
                .hasMessageContaining("not valid JSON at line 2");
        assertThat(Files.readString(file)).isEqualTo("{\"name\": \"x\",\n \"kind\": }");
    }

    @Test
    void handEditsWithWrongValuesSayWhichField() throws Exception {
        ProjectDescriptor.write(dir, project);
        Path file = dir.resolve("atelier.json");
        String good = Files.readString(file);

        Files.writeString(file, good.replace("\"style\"", "\"portrait\""));
        assertThatThrownBy(() -> ProjectDescriptor.read(dir)).hasMessageContaining("field 'kind': unknown kind \"portrait\"; expected style, character, concept");

        Files.writeString(file, good.replace("\"pony\"", "\"flux\""));
        assertThatThrownBy(() -> ProjectDescriptor.read(dir)).hasMessageContaining("field 'baseModel'").hasMessageContaining("flux");

        Files.writeString(file, good.replace(project.id().toString(), "not-a-uuid"));
        assertThatThrownBy(() -> ProjectDescriptor.read(dir)).hasMessageContaining("field 'id' is not a UUID");

        Files.writeString(file, good.replace("\"triggerWord\" : \"GLSHS\",", ""));
        assertThatThrownBy(() -> ProjectDescriptor.read(dir)).hasMessageContaining("field 'triggerWord' is missing");

        Files.writeString(file, good.replace("\"GLSHS\"", "\"a, b\""));
        assertThatThrownBy(() -> ProjectDescriptor.read(dir)).hasMessageStartingWith(file.toString())
                .hasMessageContaining("without commas");

        Files.writeString(file, good.replace("\"formatVersion\" : 1", "\"formatVersion\" : 9"));
        assertThatThrownBy(() -> ProjectDescriptor.read(dir)).hasMessageContaining("newer LoRA Atelier (format 9");
    }

    @Test
    void emptyOrMissingFile() throws Exception {
        assertThatThrownBy(() -> ProjectDescriptor.read(dir)).hasMessageContaining("not found");
        Files.writeString(dir.resolve("atelier.json"), "");
        assertThatThrownBy(() -> ProjectDescriptor.read(dir)).hasMessageContaining("is empty");
        Files.writeString(dir.resolve("atelier.json"), "[1,2]");
        assertThatThrownBy(() -> ProjectDescriptor.read(dir)).hasMessageContaining("must hold a JSON object");
    }
}
