package io.atelier.store;

import static io.atelier.store.StoreTestSupport.clockAt;
import static io.atelier.store.StoreTestSupport.project;
import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.core.basemodel.BaseModelFamily;
import io.atelier.core.project.LoraKind;
import io.atelier.core.project.LoraProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectRepositoryTest {

    private static final Instant REGISTERED = Instant.parse("2026-11-29T10:15:00Z");

    @TempDir
    Path home;
    @TempDir
    Path loras;

    private Store store;
    private ProjectRepository projects;

    @BeforeEach
    void open() throws StoreException {
        store = Store.open(new StoreLocation(home), clockAt("2026-11-29T10:15:00"));
        projects = store.projects();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aRegisteredProjectRoundTripsWithEveryField() {
        LoraProject lora = new LoraProject(UUID.randomUUID(), "Ink Wash", "inkwash style", LoraKind.STYLE,
                BaseModelFamily.ILLUSTRIOUS, Instant.parse("2026-03-04T05:06:07.123456789Z"));

        RegisteredProject registered = projects.register(lora, loras.resolve("ink-wash"));

        assertThat(registered).isEqualTo(new RegisteredProject(lora, loras.resolve("ink-wash"), REGISTERED, null));
        assertThat(projects.findById(lora.id())).contains(registered);
        assertThat(projects.list()).containsExactly(registered);
    }

    @Test
    void theListIsOrderedByNameIgnoringCase() {
        projects.register(project("zebra", "zeb"), loras.resolve("z"));
        projects.register(project("Apple", "app"), loras.resolve("a"));
        projects.register(project("mango", "man"), loras.resolve("m"));

        assertThat(projects.list()).extracting(p -> p.project().name()).containsExactly("Apple", "mango", "zebra");
    }

    @Test
    void aMovedFolderUpdatesTheEntryWithTheSameIdAndKeepsItsHistory() {
        LoraProject lora = project("Ayla", "ayla_oc");
        projects.register(lora, loras.resolve("ayla"));
        Instant opened = Instant.parse("2026-11-30T08:00:00Z");
        assertThat(projects.markOpened(lora.id(), opened)).isTrue();

        LoraProject renamed = new LoraProject(lora.id(), "Ayla v2", "ayla_oc", lora.kind(), lora.baseModelFamily(),
                lora.created());
        RegisteredProject moved = projects.register(renamed, loras.resolve("characters/ayla-v2"));

        assertThat(projects.list()).containsExactly(moved);
        assertThat(moved.folder()).isEqualTo(loras.resolve("characters/ayla-v2"));
        assertThat(moved.project().name()).isEqualTo("Ayla v2");
        assertThat(moved.registeredAt()).isEqualTo(REGISTERED);
        assertThat(moved.lastOpened()).isEqualTo(opened);
        assertThat(projects.findByFolder(loras.resolve("ayla"))).isEmpty();
    }

    @Test
    void aFolderThatNowHoldsAnotherProjectReplacesTheOldEntry() {
        Path folder = loras.resolve("reused");
        LoraProject first = project("First", "first");
        LoraProject second = project("Second", "second");
        projects.register(first, folder);

        projects.register(second, folder);

        assertThat(projects.list()).extracting(p -> p.project().id()).containsExactly(second.id());
        assertThat(projects.findById(first.id())).isEmpty();
    }

    @Test
    void foldersAreComparedAbsoluteAndNormalised() throws Exception {
        LoraProject lora = project("Norm", "norm");
        projects.register(lora, loras.resolve("a/../norm"));

        assertThat(projects.findByFolder(loras.resolve("norm"))).map(p -> p.project().id()).contains(lora.id());
        assertThat(projects.findByFolder(loras.resolve("./norm/."))).isPresent();
        Path relative = Path.of("").toAbsolutePath().relativize(loras.resolve("norm"));
        assertThat(projects.findByFolder(relative)).isPresent();
        assertThat(projects.findByFolder(loras.resolve("other"))).isEmpty();
    }

    @Test
    void theTriggerWordIsFoundIgnoringCaseAndSurroundingBlanks() {
        LoraProject lora = project("Ayla", "Ayla_OC");
        projects.register(lora, loras.resolve("ayla"));
        projects.register(project("Other", "someone else"), loras.resolve("other"));

        assertThat(projects.findByTriggerWord("ayla_oc")).extracting(p -> p.project().id()).containsExactly(lora.id());
        assertThat(projects.findByTriggerWord("  AYLA_OC ")).hasSize(1);
        assertThat(projects.findByTriggerWord("ayla")).isEmpty();
    }

    @Test
    void removingAProjectForgetsItButLeavesItsFolder() throws Exception {
        Path folder = Files.createDirectories(loras.resolve("keep-me"));
        Files.writeString(folder.resolve("atelier.json"), "{}");
        LoraProject lora = project("Keep", "keep");
        projects.register(lora, folder);

        assertThat(projects.remove(lora.id())).isTrue();
        assertThat(projects.remove(lora.id())).isFalse();

        assertThat(projects.list()).isEmpty();
        assertThat(folder.resolve("atelier.json")).hasContent("{}");
    }

    @Test
    void markOpenedOfAnUnknownProjectSaysSo() {
        assertThat(projects.markOpened(UUID.randomUUID(), Instant.now())).isFalse();
    }

    @Test
    void anotherStoreOnTheSameHomeSeesTheSameLibrary() throws Exception {
        LoraProject lora = project("Shared", "shared");
        projects.register(lora, loras.resolve("shared"));

        try (Store second = Store.open(new StoreLocation(home), clockAt("2026-11-29T10:16:00"))) {
            assertThat(second.projects().findById(lora.id())).isPresent();
            second.projects().register(project("From second", "second"), loras.resolve("second"));
        }

        assertThat(projects.list()).hasSize(2);
    }
}
