package io.atelier.project.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.core.basemodel.BaseModelFamily;
import io.atelier.core.project.LoraKind;
import io.atelier.core.project.LoraProject;
import io.atelier.store.RegisteredProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wizard's validation, fed through its real form fields. */
class NewLoraProjectWizardPanelTest {

    @TempDir
    Path tmp;

    private NewLoraProjectWizardPanel panel;

    @BeforeEach
    void setUp() {
        panel = new NewLoraProjectWizardPanel(tmp);
        LoraProject glass = LoraProject.create("Glass Shards", "GLSHS", LoraKind.STYLE, BaseModelFamily.PONY);
        panel.libraryLoaded(List.of(new RegisteredProject(glass, tmp.resolve("glass"), Instant.now(), null)));
    }

    private void type(String name, String trigger) {
        panel.getComponent().name.setText(name);
        panel.getComponent().trigger.setText(trigger);
    }

    @Test
    void acceptsAUniqueProjectAndShowsItsFolder() {
        type("Mira v2!", "m1ra");
        assertThat(panel.problem()).isEmpty();
        assertThat(panel.getComponent().folder.getText()).isEqualTo(tmp.resolve("mira-v2").toString());
    }

    @Test
    void refusesATriggerWordAnotherProjectUsesIgnoringCase() {
        type("Glass again", "glshs");
        assertThat(panel.problem()).hasValueSatisfying(p -> assertThat(p)
                .startsWith("The trigger word is already used by \"Glass Shards\"; pick a unique one"));
    }

    @Test
    void refusesMalformedInputAndExistingOrReadOnlyFolders() throws Exception {
        type("", "x");
        assertThat(panel.problem()).hasValue("Enter a project name.");
        type("Mira", "a, b");
        assertThat(panel.problem()).hasValueSatisfying(p -> assertThat(p).contains("without commas"));
        Files.createDirectory(tmp.resolve("mira"));
        type("Mira", "m1ra");
        assertThat(panel.problem()).hasValueSatisfying(p -> assertThat(p).contains("mira already exists"));

        Path readOnly = Files.createDirectory(tmp.resolve("ro"));
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        panel.getComponent().location.setText(readOnly.toString());
        type("Nova", "n0va");
        assertThat(panel.problem()).hasValue(readOnly + " is read-only; choose another folder or make it writable");
        panel.getComponent().location.setText(readOnly.resolve("new-subfolder").toString());
        assertThat(panel.problem()).hasValue(readOnly + " is read-only; choose another folder or make it writable");

        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        panel.getComponent().location.setText(file.toString());
        assertThat(panel.problem()).hasValue(file + " is not a folder.");

        panel.getComponent().location.setText(tmp.resolve("not/yet/there").toString());
        assertThat(panel.problem()).isEmpty();
    }

    @Test
    void refusesNamesTheProjectCannotHave() {
        type("x".repeat(121), "m1ra");
        assertThat(panel.problem()).hasValueSatisfying(p -> assertThat(p).contains("at most 120 characters"));
        type("Mira\tv2", "m1ra");
        assertThat(panel.problem()).hasValueSatisfying(p -> assertThat(p).contains("without tabs"));
    }

    @Test
    void waitsForTheLibraryBeforeAcceptingATriggerWord() {
        NewLoraProjectWizardPanel fresh = new NewLoraProjectWizardPanel(tmp);
        fresh.getComponent().name.setText("Mira");
        fresh.getComponent().trigger.setText("m1ra");
        assertThat(fresh.problem()).hasValue("Checking the trigger word against the library...");
    }

    @Test
    void folderNamesAreSafeAndUnique() throws Exception {
        assertThat(FolderNames.fromName("Glass Shards v2!")).isEqualTo("glass-shards-v2");
        assertThat(FolderNames.fromName("Café Noir")).isEqualTo("cafe-noir");
        assertThat(FolderNames.fromName("???")).isEqualTo("lora");
        assertThat(FolderNames.fromName("ガラスの破片")).isEqualTo("ガラスの破片");
        assertThat(FolderNames.fromName("Стекло 2")).isEqualTo("стекло-2");
        Files.createDirectory(tmp.resolve("mira"));
        assertThat(FolderNames.unused(tmp, "mira")).isEqualTo(tmp.resolve("mira-2"));
    }
}
