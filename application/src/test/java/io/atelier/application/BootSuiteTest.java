package io.atelier.application;

import org.junit.jupiter.api.Test;

/** Jupiter entry point for {@link BootTest}. */
class BootSuiteTest {

    @Test
    void appBootsWithoutWarnings() throws Exception {
        System.setProperty("atelier.home", NbSuites.freshHome("boot-home").toString());
        NbSuites.run(BootTest.suite());
    }
}
