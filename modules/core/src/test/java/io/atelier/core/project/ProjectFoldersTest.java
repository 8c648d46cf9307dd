package io.atelier.core.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atelier.core.basemodel.BaseModelFamily;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectFoldersTest {

    @TempDir
    Path tmp;

    private final LoraProject project = LoraProject.create("Mira", "m1ra", LoraKind.CHARACTER, BaseModelFamily.ILLUSTRIOUS);

    @Test
    void createsLayoutAndDescriptor() throws Exception {
        ProjectLayout layout = ProjectFolders.create(tmp.resolve("a/b/mira"), project);
        assertThat(layout.dataset()).isDirectory();
        assertThat(layout.runs()).isDirectory();
        assertThat(ProjectDescriptor.read(layout.root())).isEqualTo(project);
    }

    @Test
    void refusesAnExistingProjectAndKeepsIt() throws Exception {
        Path dir = tmp.resolve("mira");
        ProjectFolders.create(dir, project);
        String before = Files.readString(dir.resolve("atelier.json"));
        LoraProject other = LoraProject.create("Other", "oth", LoraKind.STYLE, BaseModelFamily.SDXL);
        assertThatThrownBy(() -> ProjectFolders.create(dir, other)).hasMessageContaining("already a LoRA project");
        assertThat(Files.readString(dir.resolve("atelier.json"))).isEqualTo(before);
    }

    @Test
    void refusesReadOnlyFolderWithClearMessage() throws Exception {
        Path readOnly = Files.createDirectory(tmp.resolve("ro"));
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assertThatThrownBy(() -> ProjectFolders.create(readOnly.resolve("mira"), project))
                    .hasMessage(readOnly + " is read-only; choose another folder or make it writable");
            assertThat(readOnly.resolve("mira")).doesNotExist();
        } finally {
            Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void folderCheckReportsMissingMovedAndBroken() throws Exception {
        Path dir = tmp.resolve("mira");
        ProjectFolders.create(dir, project);
        Files.writeString(dir.resolve("dataset/01.png"), "x");
        Files.writeString(dir.resolve("dataset/01.txt"), "m1ra, 1girl");
        Files.writeString(dir.resolve("dataset/02.jpg"), "x");
        Files.writeString(dir.resolve("dataset/02.txt"), "  ");
        Files.createDirectories(dir.resolve("runs/2026-11-29-001"));
        Files.write(dir.resolve("dataset/03.webp"), new byte[]{1});
        Files.write(dir.resolve("dataset/03.txt"), new byte[]{'m', (byte) 0xE9, 'r', 'a'}); // Latin-1 "méra"

        FolderCheck ok = FolderCheck.of(project.id(), dir);
        assertThat(ok.state()).isEqualTo(FolderCheck.State.OK);
        assertThat(ok.stats()).isEqualTo(new ProjectStats(3, 2, 1));

        assertThat(FolderCheck.of(UUID.randomUUID(), dir).problem()).contains("now holds another project");

        Files.writeString(dir.resolve("atelier.json"), "{broken");
        FolderCheck broken = FolderCheck.of(project.id(), dir);
        assertThat(broken.state()).isEqualTo(FolderCheck.State.BROKEN);
        assertThat(broken.problem()).startsWith(dir.resolve("atelier.json").toString()).contains("not valid JSON");

        FolderCheck missing = FolderCheck.of(project.id(), tmp.resolve("gone"));
        assertThat(missing.state()).isEqualTo(FolderCheck.State.MISSING);
        assertThat(missing.problem()).contains("gone").contains("no longer exists");
    }

    @Test
    void triggerWordRules() {
        assertThat(TriggerWord.require("  GLSHS ")).isEqualTo("GLSHS");
        assertThat(TriggerWord.key("GlShs ")).isEqualTo(TriggerWord.key("glshs"));
        assertThatThrownBy(() -> TriggerWord.require(" ")).hasMessageContaining("empty");
        assertThatThrownBy(() -> TriggerWord.require("a,b")).hasMessageContaining("without commas");
        assertThatThrownBy(() -> TriggerWord.require("x".repeat(65))).hasMessageContaining("1 to 64");
    }

    @Test
    void familyParsingAcceptsWhatUsersType() {
        assertThat(BaseModelFamily.parse("sd1.5")).isEqualTo(BaseModelFamily.SD15);
        assertThat(BaseModelFamily.parse("SD 1.5")).isEqualTo(BaseModelFamily.SD15);
        assertThat(BaseModelFamily.parse("other-sdxl")).isEqualTo(BaseModelFamily.OTHER_SDXL);
        assertThat(BaseModelFamily.parse("Illustrious")).isEqualTo(BaseModelFamily.ILLUSTRIOUS);
        assertThatThrownBy(() -> BaseModelFamily.parse("flux")).hasMessageContaining("sd15, sdxl, pony");
    }
}
