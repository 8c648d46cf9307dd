package io.atelier.engine.sdscripts.launch;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.core.run.EngineAvailability;
import io.atelier.core.run.EngineSettings;
import io.atelier.engine.sdscripts.launch.CheckReport.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class InstallationCheckTest {

    @TempDir
    Path tmp;

    @Test
    void aCompleteInstallationIsUsableWithCuda() throws Exception {
        StandInFixture f = new StandInFixture(tmp, 1);
        CheckReport report = InstallationCheck.run(SdScriptsSettings.from(f.settings(Map.of())));
        assertThat(report.usable()).as(report.summary()).isTrue();
        assertThat(report.cuda()).isTrue();
        assertThat(report.gpuName()).contains("Stand-in GPU");
        assertThat(report.item("torch").orElseThrow()).isEqualTo(new CheckReport.Item("torch", Status.FOUND,
                "1.0.0"));
        assertThat(report.item("networks/lora.py").orElseThrow().status()).isEqualTo(Status.FOUND);
        assertThat(report.summary()).contains("ready", "Stand-in GPU");
        EngineAvailability a = new SdScriptsEngine().availability(f.settings(Map.of()));
        assertThat(a.usable()).isTrue();
        assertThat(a.cuda()).isTrue();
    }

    @Test
    void aMissingImportIsNamedWithItsError() throws Exception {
        StandInFixture f = new StandInFixture(tmp, 1);
        CheckReport report = InstallationCheck.run(SdScriptsSettings.from(
                f.settings(Map.of("STANDIN_MISSING", "diffusers,cuda"))));
        assertThat(report.usable()).isFalse();
        assertThat(report.cuda()).isFalse();
        assertThat(report.missing()).containsExactly(new CheckReport.Item("diffusers", Status.MISSING,
                "ModuleNotFoundError: No module named 'diffusers'"));
        assertThat(report.summary()).contains("cannot run", "diffusers: ModuleNotFoundError: No module named "
                + "'diffusers'");
    }

    @Test
    void bitsandbytesMissingIsOnlyAWarning() throws Exception {
        StandInFixture f = new StandInFixture(tmp, 1);
        CheckReport report = InstallationCheck.run(SdScriptsSettings.from(
                f.settings(Map.of("STANDIN_MISSING", "bitsandbytes"))));
        assertThat(report.usable()).isTrue();
        assertThat(report.warnings()).extracting(CheckReport.Item::name).containsExactly("bitsandbytes");
        assertThat(report.summary()).contains("Warning: bitsandbytes", "AdamW8bit");
    }

    @Test
    void missingFilesAndAMissingPythonAreNamed() throws Exception {
        StandInFixture f = new StandInFixture(tmp, 1);
        Files.delete(f.sdScripts.resolve("networks/lora.py"));
        Path python = f.bin.resolve("python3.99");
        CheckReport report = InstallationCheck.run(SdScriptsSettings.from(EngineSettings.NONE
                .with(SdScriptsSettings.DIR, f.sdScripts.toString())
                .with(SdScriptsSettings.PYTHON, python.toString())));
        assertThat(report.usable()).isFalse();
        assertThat(report.missing()).extracting(CheckReport.Item::name).containsExactly("networks/lora.py", "python");
        assertThat(report.item("python").orElseThrow().message()).contains(python.toString(), "does not exist",
                "\"python\"");
        assertThat(report.item("networks/lora.py").orElseThrow().message())
                .contains(f.sdScripts.resolve("networks/lora.py").toString());
    }

    @Test
    void noFolderSetIsNamed() {
        CheckReport report = InstallationCheck.run(SdScriptsSettings.from(EngineSettings.NONE));
        assertThat(report.usable()).isFalse();
        assertThat(report.missing().get(0).toString()).contains("sd-scripts folder", "not set", "\"dir\"");
    }

    @Test
    void outputThatStopsEarlyMarksTheUncheckedModules() {
        CheckReport report = InstallationCheck.parse("ok torch 2.4.1\nSegmentation fault\n", 139, Path.of("py"),
                new java.util.ArrayList<>());
        assertThat(report.item("torch").orElseThrow().status()).isEqualTo(Status.FOUND);
        assertThat(report.item("accelerate").orElseThrow().message())
                .contains("exited with code 139", "Segmentation fault");
        assertThat(report.usable()).isFalse();
    }
}
