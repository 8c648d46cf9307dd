package io.atelier.application;

import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.awt.GraphicsEnvironment;
import org.junit.jupiter.api.Test;

/** Jupiter entry point for {@link GuiSmokeTest}; needs a display (CI runs the build under xvfb-run). */
class GuiSmokeSuiteTest {

    @Test
    void mainWindowShowsLibraryAndProject() throws Exception {
        assumeFalse(GraphicsEnvironment.isHeadless(), "no display: run the build under xvfb-run");
        System.setProperty("atelier.home", NbSuites.freshHome("gui-home").resolve("store-home").toString());
        NbSuites.run(GuiSmokeTest.suite());
    }
}
