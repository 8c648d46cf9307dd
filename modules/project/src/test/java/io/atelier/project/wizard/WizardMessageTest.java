package io.atelier.project.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openide.WizardDescriptor;

/** What the wizard shows on its message line as the form changes. */
class WizardMessageTest {

    @TempDir
    Path tmp;

    @Test
    void showsTheProblemOrTheTriggerWordHint() {
        NewLoraProjectWizardPanel panel = new NewLoraProjectWizardPanel(tmp);
        WizardDescriptor wizard = new WizardDescriptor(new WizardDescriptor.ArrayIterator<>(List.of(panel)));
        panel.readSettings(wizard);
        panel.libraryLoaded(List.of());

        panel.getComponent().name.setText("");
        assertThat(panel.isValid()).isFalse();
        assertThat(wizard.getProperty(WizardDescriptor.PROP_ERROR_MESSAGE)).isEqualTo("Enter a project name.");

        panel.getComponent().name.setText("Mira");
        panel.getComponent().trigger.setText("m1ra");
        assertThat(panel.isValid()).isTrue();
        assertThat(wizard.getProperty(WizardDescriptor.PROP_ERROR_MESSAGE)).isNull();
        assertThat(wizard.getProperty(WizardDescriptor.PROP_INFO_MESSAGE))
                .isEqualTo("The trigger word will start every caption.");
    }

    @Test
    void warnsWhenTheLibraryCannotBeChecked() {
        NewLoraProjectWizardPanel panel = new NewLoraProjectWizardPanel(tmp);
        WizardDescriptor wizard = new WizardDescriptor(new WizardDescriptor.ArrayIterator<>(List.of(panel)));
        panel.readSettings(wizard);
        panel.libraryUnavailable("store busy");
        panel.getComponent().name.setText("Mira");
        panel.getComponent().trigger.setText("m1ra");
        assertThat(panel.isValid()).isTrue();
        assertThat(wizard.getProperty(WizardDescriptor.PROP_WARNING_MESSAGE))
                .isEqualTo("The trigger word cannot be checked against the library (store busy).");
    }
}
