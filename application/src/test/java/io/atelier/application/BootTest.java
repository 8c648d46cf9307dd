package io.atelier.application;

import junit.framework.Test;
import org.junit.jupiter.api.Assertions;
import org.netbeans.junit.NbTestCase;
import org.openide.modules.ModuleInfo;
import org.openide.util.Lookup;

/**
 * Boots the assembled application headless and fails on any warning or logged exception: a missing module
 * dependency, a bad manifest, a module missing from the cluster, or a store that logs a problem at start.
 */
public class BootTest extends NbTestCase {

    public BootTest(String name) {
        super(name);
    }

    public static Test suite() {
        return NbSuites.appSuite(BootTest.class, false);
    }

    public void testOurModulesAreEnabled() {
        for (String cnb : new String[]{"io.atelier.core", "io.atelier.store", "io.atelier.project", "io.atelier.branding"}) {
            boolean enabled = Lookup.getDefault().lookupAll(ModuleInfo.class).stream()
                    .anyMatch(m -> m.getCodeNameBase().equals(cnb) && m.isEnabled());
            Assertions.assertTrue(enabled, cnb + " is not enabled in the assembled application");
        }
    }

    public void testStoreOpensInsideTheModuleSystem() throws Exception {
        // Flyway and H2 inside a NetBeans module class loader: migrations found, no warnings logged
        String loader = io.atelier.store.Store.class.getClassLoader().getClass().getName();
        Assertions.assertTrue(loader.startsWith("org.netbeans"), "store loaded outside the module system by " + loader);
        io.atelier.store.Store store = io.atelier.store.Store.open(io.atelier.store.StoreLocation.resolve(
                System.getProperty("atelier.home")));
        try {
            Assertions.assertNotNull(store.projects().list());
        } finally {
            store.close();
        }
    }
}
