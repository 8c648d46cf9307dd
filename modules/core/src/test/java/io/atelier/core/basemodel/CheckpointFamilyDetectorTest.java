package io.atelier.core.basemodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atelier.core.safetensors.SafetensorsFixture;
import io.atelier.core.safetensors.SafetensorsHeader;
import java.io.IOException;
import java.nio.file.Path;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointFamilyDetectorTest {

    @TempDir
    Path dir;

    @Test
    void detectsSd15() throws IOException {
        FamilyDetection d = detect(SafetensorsFixture.sd15(), "v1-5-pruned-emaonly.safetensors");
        assertThat(d.family()).isEqualTo(BaseModelFamily.SD15);
        assertThat(d.reason()).contains("SD 1.5 layout", "cond_stage_model.transformer.");
    }

    @Test
    void detectsSdxlWhenNothingHintsAtAFineTune() throws IOException {
        FamilyDetection d = detect(SafetensorsFixture.sdxl(), "sd_xl_base_1.0.safetensors");
        assertThat(d.family()).isEqualTo(BaseModelFamily.SDXL);
        assertThat(d.reason()).contains("SDXL layout", "nothing in its name or metadata mentions Pony or Illustrious");
    }

    @Test
    void proposesPonyFromTheFileName() throws IOException {
        FamilyDetection d = detect(SafetensorsFixture.sdxl(), "ponyDiffusionV6XL_v6StartWithThisOne.safetensors");
        assertThat(d.family()).isEqualTo(BaseModelFamily.PONY);
        assertThat(d.reason()).contains("the file name mentions \"pony\"", "a guess");
    }

    @Test
    void proposesIllustriousFromTheModelspecTitle() throws IOException {
        FamilyDetection d = detect(SafetensorsFixture.sdxl().metadata("modelspec.title", "Illustrious XL v0.1"),
                "checkpoint.safetensors");
        assertThat(d.family()).isEqualTo(BaseModelFamily.ILLUSTRIOUS);
        assertThat(d.reason()).contains("metadata modelspec.title mentions \"illustrious\"");
    }

    @Test
    void proposesPonyFromTheModelspecDescription() throws IOException {
        FamilyDetection d = detect(SafetensorsFixture.sdxl()
                .metadata("modelspec.architecture", "stable-diffusion-xl-v1-base")
                .metadata("modelspec.description", "A merge on a PONY base"), "merge.safetensors");
        assertThat(d.family()).isEqualTo(BaseModelFamily.PONY);
    }

    @Test
    void staysWithSdxlWhenHintsContradictEachOther() throws IOException {
        FamilyDetection d = detect(SafetensorsFixture.sdxl().metadata("modelspec.title", "Illustrious"),
                "pony-merge.safetensors");
        assertThat(d.family()).isEqualTo(BaseModelFamily.SDXL);
        assertThat(d.reason()).contains("contradict", "Pony or Illustrious");
    }

    @Test
    void ignoresNameHintsOnAnSd15Checkpoint() throws IOException {
        FamilyDetection d = detect(SafetensorsFixture.sd15(), "pony-style-sd15.safetensors");
        assertThat(d.family()).isEqualTo(BaseModelFamily.SD15);
    }

    @Test
    void ignoresMetadataKeysThatAreNotModelNames() throws IOException {
        FamilyDetection d = detect(SafetensorsFixture.sdxl().metadata("modelspec.author", "pony fan"),
                "base.safetensors");
        assertThat(d.family()).isEqualTo(BaseModelFamily.SDXL);
    }

    @Test
    void refusesAKohyaLora() {
        assertRefused(SafetensorsFixture.kohyaLora(), "my_character.safetensors")
                .hasMessageContaining("is a LoRA (keys such as 'lora_te1_text_model_encoder_layers_0_self_attn_q_proj")
                .hasMessageContaining("not a checkpoint");
    }

    @Test
    void refusesAnSd15KohyaLoraWithoutMetadata() {
        assertRefused(SafetensorsFixture.create()
                .tensor("lora_unet_down_blocks_0_attentions_0_proj_in.lora_down.weight", "F16", 4, 8)
                .tensor("lora_unet_down_blocks_0_attentions_0_proj_in.alpha", "F16"), "style.safetensors")
                .hasMessageContaining("is a LoRA")
                .hasMessageContaining("not a checkpoint");
    }

    @Test
    void refusesADiffusersLora() {
        assertRefused(SafetensorsFixture.create()
                .tensor("unet.down_blocks.0.attentions.0.proj_in.lora_A.weight", "F16", 4, 8), "pytorch_lora_weights"
                + ".safetensors")
                .hasMessageContaining("is a LoRA (keys such as 'unet.down_blocks.0.attentions.0.proj_in.lora_A.weight')");
    }

    @Test
    void refusesSd2WithTheReason() {
        assertRefused(SafetensorsFixture.sd2(), "v2-1_768-ema-pruned.safetensors")
                .hasMessageContaining("is a Stable Diffusion 2.x checkpoint (OpenCLIP ViT-H")
                .hasMessageContaining("supports SD 1.5 and SDXL-family checkpoints only");
    }

    @Test
    void refusesTheSdxlRefiner() {
        assertRefused(SafetensorsFixture.create()
                .tensor("conditioner.embedders.0.model.transformer.resblocks.0.attn.in_proj_weight", "F16", 6, 2)
                .tensor("model.diffusion_model.input_blocks.0.0.weight", "F16", 2, 2), "sd_xl_refiner_1.0.safetensors")
                .hasMessageContaining("is the SDXL refiner");
    }

    @Test
    void refusesAUnetWithoutTextEncoder() {
        assertRefused(SafetensorsFixture.create()
                .tensor("model.diffusion_model.input_blocks.0.0.weight", "F16", 2, 2), "unet.safetensors")
                .hasMessageContaining("has a U-Net (model.diffusion_model.*) but no text encoder");
    }

    @Test
    void refusesAnUnrecognisedLayoutNamingAnExampleKey() {
        assertRefused(SafetensorsFixture.create()
                .tensor("double_blocks.0.img_attn.qkv.weight", "BF16", 6, 2)
                .tensor("single_blocks.0.linear1.weight", "BF16", 2, 2), "flux1-dev.safetensors")
                .hasMessageContaining("is not a recognised SD 1.5 or SDXL checkpoint: none of its 2 tensors "
                        + "(e.g. 'double_blocks.0.img_attn.qkv.weight')");
    }

    @Test
    void refusesAFileWithoutTensors() {
        assertRefused(SafetensorsFixture.create().metadata("format", "pt"), "empty.safetensors")
                .hasMessageContaining("contains no tensors");
    }

    private FamilyDetection detect(SafetensorsFixture fixture, String fileName) throws IOException {
        return CheckpointFamilyDetector.detect(SafetensorsHeader.read(fixture.write(dir.resolve(fileName))));
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertRefused(SafetensorsFixture fixture, String name) {
        Path file = fixture.write(dir.resolve(name));
        return assertThatThrownBy(() -> CheckpointFamilyDetector.detect(SafetensorsHeader.read(file)))
                .isInstanceOf(UnsupportedModelFileException.class)
                .hasMessageStartingWith(file + " ");
    }
}
