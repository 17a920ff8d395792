package dev.tessera.oauth;

import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonConfig;
import jakarta.json.JsonReaderFactory;
import jakarta.json.spi.JsonProvider;
import java.util.Map;

/**
 * JSON-P factories, made once. {@code Json.createObjectBuilder()} and its siblings look the provider up
 * again on every call ({@code JsonProvider.provider()}: a ServiceLoader scan of the application's jars,
 * then, on Payara, an OSGi lookup), which on the token endpoint cost more than the JSON itself and
 * about as much as the RSA signature (docs/performance.md). The factories come from the same provider
 * and build the same JSON; JSON-P makes them safe for concurrent use. The readers are counted ({@link JsonParsing}).
 */
public final class JsonFactories {
    /** The provider itself, for values ({@code Json.createValue}). */
    public static final JsonProvider PROVIDER = JsonProvider.provider();
    /** Object and array builders, as {@code Json.createObjectBuilder()} / {@code createArrayBuilder()}. */
    public static final JsonBuilderFactory BUILDERS = Json.createBuilderFactory(Map.of());

    /** Readers, as {@code Json.createReader(Reader)}. */
    public static final JsonReaderFactory READERS = JsonParsing.counting(Json.createReaderFactory(Map.of()));

    /**
     * Readers for request bodies: a member name given twice is a parse error (JSON-P 2.1 key strategy NONE), not
     * "the last one wins". RFC 8259 §4 leaves duplicates to the parser, and two parsers that pick differently
     * (a proxy's validation, Tessera's reading) let one body mean two things.
     */
    public static final JsonReaderFactory STRICT_READERS = JsonParsing.counting(
            Json.createReaderFactory(Map.of(JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE)));

    private JsonFactories() {
    }
}
