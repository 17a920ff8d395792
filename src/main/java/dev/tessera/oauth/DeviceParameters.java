package dev.tessera.oauth;

/** Parameters and response members of the device authorization grant (RFC 8628 §3.1, §3.2, §3.4). */
public final class DeviceParameters {
    public static final String DEVICE_CODE = "device_code";
    public static final String USER_CODE = "user_code";
    public static final String VERIFICATION_URI = "verification_uri";
    public static final String VERIFICATION_URI_COMPLETE = "verification_uri_complete";
    public static final String INTERVAL = "interval";

    private DeviceParameters() {
    }
}
