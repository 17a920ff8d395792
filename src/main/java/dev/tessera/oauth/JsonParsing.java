package dev.tessera.oauth;

import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

/**
 * The one door through which Tessera's own code parses JSON, so that parses can be counted (issue 23, point 3: the
 * counting guard in {@code ClientCredentialsIT} fails when a token, refresh or introspection request parses more
 * than it did). Every JSON-P reader made from {@link JsonFactories#READERS} or {@link JsonFactories#STRICT_READERS}
 * and every {@link #parse} counts one. Not counted: the two parses jose4j makes inside a JWT it verifies (header and
 * payload), which Tessera does not reach. The count is a {@link LongAdder}: no lock on the request path.
 */
public final class JsonParsing {
    private static final LongAdder PARSERS = new LongAdder();

    private JsonParsing() {
    }

    /** jose4j's {@code JsonUtil.parseJson}, counted. */
    public static Map<String, Object> parse(String json) throws JoseException {
        PARSERS.increment();
        return JsonUtil.parseJson(json);
    }

    /** JSON parsers created by Tessera's code since start-up. */
    public static long parsersCreated() {
        return PARSERS.sum();
    }

    /** A reader factory that counts each reader it creates. */
    static JsonReaderFactory counting(JsonReaderFactory factory) {
        return new JsonReaderFactory() {
            @Override
            public JsonReader createReader(Reader reader) {
                PARSERS.increment();
                return factory.createReader(reader);
            }

            @Override
            public JsonReader createReader(InputStream in) {
                PARSERS.increment();
                return factory.createReader(in);
            }

            @Override
            public JsonReader createReader(InputStream in, Charset charset) {
                PARSERS.increment();
                return factory.createReader(in, charset);
            }

            @Override
            public Map<String, ?> getConfigInUse() {
                return factory.getConfigInUse();
            }
        };
    }
}
