package dev.tessera.device;

/** Where a device code stands: waiting for the person, or decided by them (RFC 8628 §3.3). */
public enum DeviceStatus {
    PENDING, APPROVED, DENIED
}
