package io.atelier.core.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InfoTextTest {

    @Test
    void aSamplePromptRendersInA1111sOrderAndParsesBack() {
        SamplePrompt p = new SamplePrompt("mychar, 1girl, smiling", "lowres, blurry", 512, 768, 42, 7, 28,
                Optional.empty());
        InfoText text = InfoText.of(p, SamplerKind.EULER_A, 2, "v1-5-pruned", "6ce0161689b3853acaa03779ec93eafe75a02f4c",
                Map.of("LoRA", "mychar-000004"));
        String rendered = text.render();
        assertThat(rendered).isEqualTo("mychar, 1girl, smiling\nNegative prompt: lowres, blurry\n"
                + "Steps: 28, Sampler: Euler a, CFG scale: 7, Seed: 42, Size: 512x768, Model hash: 6ce0161689, "
                + "Model: v1-5-pruned, Clip skip: 2, LoRA: mychar-000004");
        assertThat(InfoText.parse(rendered)).isEqualTo(text);
    }

    @Test
    void readsWhatA1111WritesIncludingQuotedValuesAndMultiLinePrompts() {
        String a1111 = "masterpiece, <lora:mychar:0.8>\nsecond line of the prompt\nNegative prompt: bad hands\n"
                + "Steps: 20, Sampler: DPM++ 2M, Schedule type: Karras, CFG scale: 6.5, Seed: 123, Size: 512x512, "
                + "Lora hashes: \"mychar: 0123456789ab, other: ba9876543210\", Version: v1.10.1";
        InfoText t = InfoText.parse(a1111);
        assertThat(t.prompt()).isEqualTo("masterpiece, <lora:mychar:0.8>\nsecond line of the prompt");
        assertThat(t.negativePrompt()).isEqualTo("bad hands");
        assertThat(t.settings()).containsEntry("Sampler", "DPM++ 2M").containsEntry("CFG scale", "6.5")
                .containsEntry("Lora hashes", "mychar: 0123456789ab, other: ba9876543210")
                .containsEntry("Version", "v1.10.1").hasSize(8);
        assertThat(InfoText.parse(t.render())).isEqualTo(t);
    }

    @Test
    void textWithoutSettingsIsAllPrompt() {
        InfoText t = InfoText.parse("just a prompt, with: a colon");
        assertThat(t.prompt()).isEqualTo("just a prompt, with: a colon");
        assertThat(t.negativePrompt()).isEmpty();
        assertThat(t.settings()).isEmpty();
    }

    @Test
    void samplerNamesFollowSdScriptsAndA1111() {
        assertThat(SamplerKind.forName("euler_a")).contains(SamplerKind.EULER_A);
        assertThat(SamplerKind.forName("k_euler")).contains(SamplerKind.EULER);
        assertThat(SamplerKind.forName("DDIM")).contains(SamplerKind.DDIM);
        assertThat(SamplerKind.forName("Euler a")).contains(SamplerKind.EULER_A);
        assertThat(SamplerKind.forName("dpmsolver++")).isEmpty();
    }
}
