package dev.tessera.web.theme;

import java.io.IOException;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * A properties file read with the line each key is on, so a theme problem can be reported as
 * {@code file:line}. Values come from {@link Properties} itself (escapes, continuation lines); the line of a
 * key is that of the logical line it starts.
 */
record PropertiesFile(Map<String, String> values, Map<String, Integer> lines) {

    static PropertiesFile parse(String text) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(text));
        Map<String, Integer> lines = new LinkedHashMap<>();
        String[] physical = text.split("\r\n|\r|\n", -1);
        boolean continued = false;
        for (int i = 0; i < physical.length; i++) {
            String line = physical[i].stripLeading();
            boolean startsKey = !continued && !line.isEmpty() && line.charAt(0) != '#' && line.charAt(0) != '!';
            if (startsKey) {
                lines.putIfAbsent(unescape(key(line)), i + 1);
            }
            continued = endsWithOddBackslashes(physical[i]) && (continued || startsKey);
        }
        Map<String, String> values = new LinkedHashMap<>();
        lines.keySet().forEach(k -> values.put(k, properties.getProperty(k)));
        return new PropertiesFile(values, lines);
    }

    int line(String key) {
        return lines.getOrDefault(key, 1);
    }

    private static String key(String line) {
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                key.append(c).append(line.charAt(++i));
            } else if (c == '=' || c == ':' || Character.isWhitespace(c)) {
                break;
            } else {
                key.append(c);
            }
        }
        return key.toString();
    }

    private static String unescape(String key) {
        try {
            Properties one = new Properties();
            one.load(new StringReader(key + "=x"));
            return one.stringPropertyNames().iterator().next();
        } catch (IOException | RuntimeException e) {
            return key;
        }
    }

    private static boolean endsWithOddBackslashes(String line) {
        int n = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            n++;
        }
        return n % 2 == 1;
    }
}
