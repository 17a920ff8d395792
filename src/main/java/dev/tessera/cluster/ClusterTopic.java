package dev.tessera.cluster;

import java.util.List;

/**
 * A publish/subscribe channel to the other nodes, best effort: a node that is down or partitioned
 * misses messages, which the caches' own expiry covers.
 */
interface ClusterTopic extends AutoCloseable {

    /** Sends {@code message} to every other member; never throws. */
    void publish(String message);

    /** How many members the cluster has now, this one included. */
    int members();

    /** The members' addresses (host:port), this one included, for operators; empty when the grid cannot say. */
    List<String> memberAddresses();

    @Override
    void close();
}
