package io.atelier.store;

import static io.atelier.store.StoreTestSupport.clockAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atelier.core.basemodel.BaseModel;
import io.atelier.core.basemodel.BaseModelFamily;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaseModelRepositoryTest {

    private static final String PONY_HASH = "67ab2fd8ec439a89b3fedb15cc65f54336af163c7eb5e4f2acc98f090a29b0b3";
    private static final String SDXL_HASH = "31e35c80fc4829d14f90153f4c74cd59c90b779f6afe05a74cd6ffd2ba1f0ad3";

    @TempDir
    Path home;
    @TempDir
    Path models;

    private Store store;
    private BaseModelRepository baseModels;

    @BeforeEach
    void open() throws StoreException {
        store = Store.open(new StoreLocation(home), clockAt("2026-11-29T10:15:00"));
        baseModels = store.baseModels();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void anAddedModelRoundTripsAndIsFoundByFileAndHash() {
        BaseModel pony = model("Pony Diffusion V6 XL", BaseModelFamily.PONY, "pony/../ponyDiffusionV6XL.safetensors",
                PONY_HASH);

        BaseModel stored = baseModels.add(pony);

        assertThat(stored.file()).isEqualTo(models.resolve("ponyDiffusionV6XL.safetensors"));
        assertThat(baseModels.list()).containsExactly(stored);
        assertThat(baseModels.findByFile(models.resolve("ponyDiffusionV6XL.safetensors"))).contains(stored);
        assertThat(baseModels.findBySha256(PONY_HASH.toUpperCase())).contains(stored);
        assertThat(baseModels.findBySha256(SDXL_HASH)).isEmpty();
    }

    @Test
    void theSameFileTwiceIsRefusedNamingTheExistingEntry() {
        baseModels.add(model("Pony V6", BaseModelFamily.PONY, "pony.safetensors", PONY_HASH));

        assertThatThrownBy(() -> baseModels.add(model("Again", BaseModelFamily.SDXL, "pony.safetensors", SDXL_HASH)))
                .isInstanceOf(DuplicateBaseModelException.class)
                .hasMessage(models.resolve("pony.safetensors") + " is already registered as base model \"Pony V6\" "
                        + "(Pony, AutoV2 67AB2FD8EC).")
                .satisfies(e -> assertThat(((DuplicateBaseModelException) e).existing().name()).isEqualTo("Pony V6"));
        assertThat(baseModels.list()).hasSize(1);
    }

    @Test
    void theSameContentUnderAnotherPathIsRefusedNamingTheExistingEntry() {
        baseModels.add(model("Pony V6", BaseModelFamily.PONY, "pony.safetensors", PONY_HASH));

        assertThatThrownBy(() -> baseModels.add(model("Copy", BaseModelFamily.PONY, "copy/pony.safetensors",
                PONY_HASH)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(models.resolve("copy/pony.safetensors") + " has the same content (AutoV2 67AB2FD8EC) as "
                        + "base model \"Pony V6\", already registered at " + models.resolve("pony.safetensors") + ".");
    }

    @Test
    void theListIsOrderedByNameAndRemovalForgetsOnlyThatFile() {
        baseModels.add(model("sdxl base 1.0", BaseModelFamily.SDXL, "sdxl.safetensors", SDXL_HASH));
        baseModels.add(model("Pony V6", BaseModelFamily.PONY, "pony.safetensors", PONY_HASH));
        assertThat(baseModels.list()).extracting(BaseModel::name).containsExactly("Pony V6", "sdxl base 1.0");

        assertThat(baseModels.remove(models.resolve("pony.safetensors"))).isTrue();
        assertThat(baseModels.remove(models.resolve("pony.safetensors"))).isFalse();

        assertThat(baseModels.list()).extracting(BaseModel::name).containsExactly("sdxl base 1.0");
        assertThat(baseModels.findBySha256(PONY_HASH)).isEmpty();
    }

    private BaseModel model(String name, BaseModelFamily family, String file, String sha256) {
        return new BaseModel(name, family, models.resolve(file), 6_938_040_682L, sha256,
                Instant.parse("2026-11-29T09:00:00Z"));
    }
}
