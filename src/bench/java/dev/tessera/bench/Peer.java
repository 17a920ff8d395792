package dev.tessera.bench;

import java.net.InetSocketAddress;
import java.util.Map;

/**
 * One server of {@link PeersBench}: its process (for CPU time and RSS), where it listens, what it runs as, and the
 * workloads it was provisioned for, by workload key ({@link PeersBench#WORKLOADS}); a workload it cannot serve (Keycloak
 * has no opaque access tokens) is absent; the password hash its sign-ins verify, for the raw ceiling beside them (null
 * when the harness cannot measure it).
 */
record Peer(String name, long pid, InetSocketAddress address, String description, Map<String, Scenario> workloads,
        PasswordCeiling password) {
}
