package dev.tessera.user;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/** The {@code address} claim, OpenID Connect Core §5.1.1; every member is optional (null when absent). */
public record PostalAddress(String formatted, String streetAddress, String locality, String region, String postalCode,
        String country) {

    public boolean isEmpty() {
        return Stream.of(formatted, streetAddress, locality, region, postalCode, country).allMatch(v -> v == null);
    }

    /** The members that are present, under their §5.1.1 names, in the order the spec lists them. */
    public Map<String, String> members() {
        Map<String, String> members = new LinkedHashMap<>();
        put(members, StandardClaims.FORMATTED, formatted);
        put(members, StandardClaims.STREET_ADDRESS, streetAddress);
        put(members, StandardClaims.LOCALITY, locality);
        put(members, StandardClaims.REGION, region);
        put(members, StandardClaims.POSTAL_CODE, postalCode);
        put(members, StandardClaims.COUNTRY, country);
        return members;
    }

    private static void put(Map<String, String> members, String name, String value) {
        if (value != null) {
            members.put(name, value);
        }
    }
}
