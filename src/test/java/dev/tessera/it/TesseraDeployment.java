package dev.tessera.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The one deployment every integration test uses: the WAR the build just packaged, unchanged, so
 * the tests judge what ships. Named ROOT so Payara Micro serves it at the issuer's root.
 */
public final class TesseraDeployment {
    private TesseraDeployment() {
    }

    public static WebArchive war() {
        File war = new File(System.getProperty("tessera.war", "target/tessera.war"));
        if (!war.isFile()) {
            throw new IllegalStateException("Run the integration tests through Maven (mvn verify): " + war + " is missing");
        }
        return ShrinkWrap.create(ZipImporter.class, "ROOT.war").importFrom(war).as(WebArchive.class);
    }

    /** The issuer the test server runs with: http://localhost on the port the build reserved. */
    public static String issuer() {
        return "http://localhost:" + System.getProperty("it.http.port", "8080");
    }
}
