package io.atelier.application;

import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.atelier.tagger.fixture.Wd14TestModel;
import java.awt.GraphicsEnvironment;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Jupiter entry point for {@link GuiSmokeTest}; needs a display (CI runs the build under xvfb-run). */
class GuiSmokeSuiteTest {

    @Test
    void mainWindowShowsLibraryAndProject() throws Exception {
        assumeFalse(GraphicsEnvironment.isHeadless(), "no display: run the build under xvfb-run");
        System.setProperty("atelier.home", NbSuites.freshHome("gui-home").resolve("store-home").toString());
        // written here, on the plain class path: the fixture's jar is not visible inside the module system
        Path model = Wd14TestModel.colours().writeTo(NbSuites.freshHome("tagger").resolve("wd-test-tagger"));
        System.setProperty(TagEditorCheck.MODEL_PROPERTY, model.toString());
        NbSuites.run(GuiSmokeTest.suite());
    }
}
