package floor;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The runtime's floor for a token endpoint (docs/performance.md, "The runtime's floor per request"): a WAR with
 * nothing but one JAX-RS resource, deployed on the same Payara Micro with the same pre-boot file and JVM options
 * as Tessera, and loaded by the same harness. What a Tessera token costs above the floor plus its signature is
 * Tessera's own work. Not part of Tessera; compiled by .ci/bench-floor only.
 */
@ApplicationPath("/")
public class FloorApplication extends Application {
}
