package dev.tessera.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The channel over Payara's Hazelcast instance: one reliable-enough ITopic that every node subscribes to.
 * This is the only class that touches the Hazelcast API, and it is loaded only when the server offers
 * a Hazelcast instance, so the WAR still deploys where there is none. A node ignores its own messages:
 * it has already applied the change when it publishes.
 */
final class HazelcastTopic implements ClusterTopic {
    private static final Logger LOG = Logger.getLogger(HazelcastTopic.class.getName());
    static final String NAME = "tessera-cache-invalidations";

    private final HazelcastInstance hazelcast;
    private final ITopic<String> topic;
    private final UUID registration;

    private HazelcastTopic(HazelcastInstance hazelcast, Consumer<Object> receiver) {
        this.hazelcast = hazelcast;
        this.topic = hazelcast.getTopic(NAME);
        this.registration = topic.addMessageListener(message -> {
            if (!message.getPublishingMember().localMember()) {
                receiver.accept(message.getMessageObject());
            }
        });
    }

    /** A channel over {@code instance}, or null when it is not a running Hazelcast member. */
    static ClusterTopic over(Object instance, Consumer<Object> receiver) {
        if (instance instanceof HazelcastInstance hazelcast && hazelcast.getLifecycleService().isRunning()) {
            return new HazelcastTopic(hazelcast, receiver);
        }
        return null;
    }

    @Override
    public void publish(String message) {
        try {
            topic.publish(message);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not tell the other nodes about a change; their caches expire on their own", e);
        }
    }

    @Override
    public int members() {
        try {
            return hazelcast.getCluster().getMembers().size();
        } catch (RuntimeException e) {
            return 1;
        }
    }

    @Override
    public List<String> memberAddresses() {
        try {
            return hazelcast.getCluster().getMembers().stream().map(m -> m.getAddress().getHost() + ":" + m.getAddress().getPort()
                    + (m.localMember() ? " (this node)" : "")).sorted().toList();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    @Override
    public void close() {
        try {
            topic.removeMessageListener(registration);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Hazelcast already stopped", e);
        }
    }
}
