package dev.tessera.health;

/**
 * One part of a node's readiness ({@code /health/ready}): each capability that can make this node unable to
 * serve reports its own state, as discovery's {@code MetadataContributor}s report what they offer. Adding a
 * dependency that readiness must watch is adding a bean.
 */
public interface ReadinessContributor {

    /** Where this part appears in the details: lower first, so the answer reads the same on every call. */
    int order();

    /** This part's state: whether the node can serve, as far as this part is concerned, and what to report. */
    ReadinessPart assess();
}
