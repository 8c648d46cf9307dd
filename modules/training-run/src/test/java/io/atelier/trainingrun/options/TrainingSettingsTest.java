package io.atelier.trainingrun.options;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TrainingSettingsTest {

    @Test
    void gpuIsBlankOrIndexes() {
        assertThat(TrainingSettings.gpuProblem("")).isNull();
        assertThat(TrainingSettings.gpuProblem("0")).isNull();
        assertThat(TrainingSettings.gpuProblem("0, 1")).isNull();
        assertThat(TrainingSettings.gpuProblem("cuda:0")).contains("GPU index");
    }
}
