package dev.tessera.bench;

import java.net.InetSocketAddress;
import java.util.Map;

/**
 * One server of {@link PeersBench}: its process (for CPU time and RSS), where it listens, what it runs as, and the
 * workloads it was provisioned for, by workload key ({@link PeersBench#WORKLOADS}); a workload it cannot serve (Keycloak
 * has no opaque access tokens) is absent.
 */
record Peer(String name, long pid, InetSocketAddress address, String description, Map<String, Scenario> workloads) {
}
