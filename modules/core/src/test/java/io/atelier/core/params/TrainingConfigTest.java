package io.atelier.core.params;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainingConfigTest {

    @Test
    void theUniversalPresetHasExactlyTheWorkflowsValues() {
        TrainingConfig c = BuiltInPresets.universalXl();
        assertThat(c.getInt(Params.EPOCHS)).isEqualTo(4);
        assertThat(c.getInt(Params.BATCH_SIZE)).isEqualTo(2);
        assertThat(c.getInt(Params.RESOLUTION)).isEqualTo(1024);
        assertThat(c.getBool(Params.ENABLE_BUCKET)).isTrue();
        assertThat(c.getBool(Params.SHUFFLE_CAPTION)).isFalse();
        assertThat(c.getInt(Params.KEEP_TOKENS)).isEqualTo(1);
        assertThat(c.getInt(Params.CLIP_SKIP)).isEqualTo(2);
        assertThat(c.getBool(Params.FLIP_AUG)).isFalse();
        assertThat(c.getDouble(Params.UNET_LR)).isEqualTo(1e-4);
        assertThat(c.getDouble(Params.TEXT_ENCODER_LR)).isEqualTo(5e-5);
        assertThat(c.getString(Params.LR_SCHEDULER)).isEqualTo("cosine_with_restarts");
        assertThat(c.getInt(Params.LR_CYCLES)).isEqualTo(3);
        assertThat(c.getDouble(Params.MIN_SNR_GAMMA)).isZero();
        assertThat(c.getInt(Params.NETWORK_DIM)).isEqualTo(32);
        assertThat(c.getDouble(Params.NETWORK_ALPHA)).isEqualTo(16.0);
        assertThat(c.getDouble(Params.NOISE_OFFSET)).isEqualTo(0.03);
        assertThat(c.getString(Params.OPTIMIZER_TYPE)).isEqualTo("AdamW8bit");
        assertThat(c.getInt(Params.REPEATS)).isBetween(50, 100);
        assertThat(BuiltInPresets.sd15().getInt(Params.RESOLUTION)).isEqualTo(512);
        assertThat(Params.all()).allSatisfy(p -> assertThat(p.description()).isNotBlank());
    }

    @Test
    void valuesAreTypedAndCheckedNamingTheKey() {
        TrainingConfig c = TrainingConfig.defaults();
        assertThat(c.withParsed("unet_lr", "2e-4").getDouble(Params.UNET_LR)).isEqualTo(2e-4);
        assertThat(c.withParsed("enable_bucket", "no").getBool(Params.ENABLE_BUCKET)).isFalse();
        assertThat(c.with("network_alpha", 8).getDouble(Params.NETWORK_ALPHA)).isEqualTo(8.0);
        assertThatThrownBy(() -> c.withParsed("unet_lr", "-1e-4")).hasMessage("unet_lr: -1.0E-4 is below the minimum 0");
        assertThatThrownBy(() -> c.withParsed("network_dim", "0")).hasMessageContaining("network_dim: 0 is below");
        assertThatThrownBy(() -> c.withParsed("train_batch_size", "0")).hasMessageContaining("train_batch_size");
        assertThatThrownBy(() -> c.withParsed("network_dim", "3.5")).hasMessage("network_dim: \"3.5\" is not a whole number");
        assertThatThrownBy(() -> c.withParsed("lr_scheduler", "cosin")).hasMessageContaining("is not one of");
        assertThatThrownBy(() -> c.withParsed("no_such", "1")).hasMessage("unknown parameter \"no_such\"");
        assertThatThrownBy(() -> c.with("output_name", "a\nb")).hasMessageContaining("line break");
    }

    @Test
    void jsonRoundTripAndDiff() {
        TrainingConfig a = TrainingConfig.defaults();
        TrainingConfig b = a.with("network_dim", 64).with("output_name", "gl\u00e4ss \"shards\"");

        assertThat(TrainingConfig.fromJson(b.toJson(), true)).isEqualTo(b);
        assertThat(a.diff(b)).extracting(ParamChange::key, ParamChange::before, ParamChange::after).containsExactly(
                org.assertj.core.groups.Tuple.tuple("output_name", "lora", "gl\u00e4ss \"shards\""),
                org.assertj.core.groups.Tuple.tuple("network_dim", 32, 64));
        assertThat(TrainingConfig.fromJson("{\"network_dim\": 16, \"from_the_future\": 1}", false)
                .getInt(Params.NETWORK_DIM)).isEqualTo(16);
        assertThatThrownBy(() -> TrainingConfig.fromJson("{\"from_the_future\": 1}", true))
                .hasMessageContaining("from_the_future");
        assertThatThrownBy(() -> TrainingConfig.fromJson("{\"network_dim\": \"big\"}", false))
                .hasMessageContaining("network_dim");
        assertThat(TrainingConfig.of(Map.of("seed", 7)).getInt(Params.SEED)).isEqualTo(7);
    }
}
