package io.atelier.sampler.comfyui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.atelier.core.run.EngineSettings;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ComfyPartsTest {

    @Test
    void sdScriptsSamplerNamesMapToKSamplersAndA1111Names() {
        assertThat(SamplerName.forSdScripts("euler")).isEqualTo(new SamplerName("euler", "Euler"));
        assertThat(SamplerName.forSdScripts("euler_a")).isEqualTo(new SamplerName("euler_ancestral", "Euler a"));
        assertThat(SamplerName.forSdScripts("K_EULER_A").comfy()).isEqualTo("euler_ancestral");
        assertThat(SamplerName.forSdScripts("ddim").comfy()).isEqualTo("ddim");
        assertThat(SamplerName.forSdScripts("dpmsolver++")).isEqualTo(new SamplerName("dpmpp_2m", "DPM++ 2M"));
        assertThat(SamplerName.forSdScripts("k_dpm_2")).isEqualTo(new SamplerName("dpm_2", "DPM2"));
        assertThat(SamplerName.forSdScripts("k_dpm_2_a")).isEqualTo(new SamplerName("dpm_2_ancestral", "DPM2 a"));
        assertThat(SamplerName.forSdScripts("k_lms").comfy()).isEqualTo("lms");
        assertThat(SamplerName.forSdScripts("lms").comfy()).isEqualTo("lms");
        assertThat(SamplerName.forSdScripts("heun")).isEqualTo(new SamplerName("heun", "Heun"));
        assertThat(SamplerName.forSdScripts("pndm")).isEqualTo(SamplerName.EULER);
        assertThat(SamplerName.forSdScripts("dpmsingle")).isEqualTo(SamplerName.EULER);
        for (String s : List.of("euler", "euler_a", "ddim", "dpmsolver++", "k_dpm_2", "k_dpm_2_a", "lms", "heun")) {
            assertThat(FakeComfyUi.SAMPLERS).contains(SamplerName.forSdScripts(s).comfy());
        }
    }

    @Test
    void serverFilesMatchByLastSegmentWithEitherSeparator() {
        List<String> listed = List.of("v1-5.safetensors", "SDXL\\ponyV6.safetensors", "XL/illustrious.safetensors");
        assertThat(ServerFiles.byFileName(listed, "ponyV6.safetensors")).contains("SDXL\\ponyV6.safetensors");
        assertThat(ServerFiles.byFileName(listed, "illustrious.safetensors")).contains("XL/illustrious.safetensors");
        assertThat(ServerFiles.byFileName(listed, "PonyV6.safetensors")).isEmpty();
        assertThat(ServerFiles.byPath(List.of("atelier\\a-01.safetensors"), "atelier/a-01.safetensors"))
                .contains("atelier\\a-01.safetensors");
        List<String> many = List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12");
        assertThat(ServerFiles.sample(many)).isEqualTo("1, 2, 3, 4, 5, 6, 7, 8, 9, 10 and 2 more");
        assertThat(ServerFiles.sample(List.of())).isEqualTo("none");
    }

    @Test
    void bothFormsOfAListInputAreRead() throws Exception {
        JsonNode v1 = ComfyClient.JSON.readTree("[[\"a.safetensors\", \"b.safetensors\"], {\"tooltip\": \"x\"}]");
        JsonNode combo = ComfyClient.JSON.readTree("[\"COMBO\", {\"options\": [\"c.safetensors\"]}]");
        assertThat(ComboChoices.of(v1)).contains(List.of("a.safetensors", "b.safetensors"));
        assertThat(ComboChoices.of(combo)).contains(List.of("c.safetensors"));
        assertThat(ComboChoices.of(ComfyClient.JSON.readTree("[\"INT\", {}]"))).isEmpty();
    }

    @Test
    void refusalsNameTheNodeOrTheError() {
        assertThat(NodeErrors.describe("{\"error\": {\"type\": \"invalid_prompt\", \"message\": \"Cannot execute "
                + "because node Foo does not exist.\", \"details\": \"Node ID '#3'\"}, \"node_errors\": {}}"))
                .isEqualTo("ComfyUI refused the workflow: Cannot execute because node Foo does not exist.: Node ID "
                        + "'#3'");
        assertThat(NodeErrors.describe("{\"error\": \"no prompt\", \"node_errors\": []}"))
                .isEqualTo("ComfyUI refused the workflow: no prompt");
        assertThat(NodeErrors.describe("Bad Request")).isEqualTo("ComfyUI refused the workflow: Bad Request");
        assertThat(NodeErrors.describe("{\"error\": {\"message\": \"Prompt outputs failed validation\"}, "
                + "\"node_errors\": {\"7\": {\"class_type\": \"KSampler\", \"errors\": [{\"message\": \"Value not in "
                + "list\", \"details\": \"sampler_name: 'x' not in [...]\"}]}}}"))
                .isEqualTo("ComfyUI refused the workflow: KSampler: Value not in list: sampler_name: 'x' not in [...]");
    }

    @Test
    void anInterruptedPromptSaysWhere() throws Exception {
        JsonNode entry = ComfyClient.JSON.readTree("{\"outputs\": {}, \"status\": {\"status_str\": \"error\", "
                + "\"completed\": false, \"messages\": [[\"execution_start\", {}], [\"execution_interrupted\", "
                + "{\"node_type\": \"KSampler\"}]]}}");
        assertThat(HistoryEntry.of(entry, "9").error()).contains("interrupted at KSampler");
        JsonNode old = ComfyClient.JSON.readTree("{\"outputs\": {\"9\": {\"images\": [{\"filename\": "
                + "\"atelier_00001_.png\", \"subfolder\": \"\", \"type\": \"output\"}]}}}");
        assertThat(HistoryEntry.of(old, "9")).isEqualTo(new HistoryEntry(
                List.of(new OutputImage("atelier_00001_.png", "", "output")), Optional.empty()));
    }

    @Test
    void settingsHaveDefaults() {
        ComfySettings s = ComfySettings.from(EngineSettings.NONE);
        assertThat(s.base()).isEqualTo("http://127.0.0.1:8188");
        assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(600));
        assertThat(s.timeoutText()).isEqualTo("600");
        assertThat(s.loras()).isEmpty();
        assertThat(ComfySettings.from(EngineSettings.NONE.with("url", "http://box:8188///")).base())
                .isEqualTo("http://box:8188");
    }
}
