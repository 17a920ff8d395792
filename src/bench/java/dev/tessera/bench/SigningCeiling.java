package dev.tessera.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

/**
 * The most tokens per second this machine could sign, measured in this JVM (same JDK and providers as
 * the server): {@link java.security.Signature} over the real signing input of a token the server just
 * issued (base64url header "." base64url payload), with one thread and with as many threads as cores;
 * and, for reference, jose4j building the whole compact JWS the way the server's JwtSigner does.
 */
final class SigningCeiling {
    private static volatile int sink;

    private SigningCeiling() {
    }

    /**
     * A rate and the CPU it took, over the whole run and over its quiet seconds only (those in which
     * other processes used at most the given share of the machine).
     */
    record Rate(double opsPerSecond, double cpuSeconds, double wallSeconds, long ops, int quietSeconds, long quietOps,
            double quietCpuSeconds, double otherCores) {
        double opsPerCpuSecond() {
            return cpuSeconds > 0 ? ops / cpuSeconds : Double.NaN;
        }

        double quietOpsPerSecond() {
            return quietSeconds == 0 ? Double.NaN : (double) quietOps / quietSeconds;
        }

        double quietOpsPerCpuSecond() {
            return quietCpuSeconds > 0 ? quietOps / quietCpuSeconds : Double.NaN;
        }
    }

    /** Who else is measured: the server's CPU is not counted as other load. */
    record Quiet(long serverPid, double maxOtherCores) {
    }

    /** A fresh key of the kind the server signs with. */
    static KeyPair keyPair(String alg, int rsaBits) throws GeneralSecurityException {
        return switch (alg) {
            case "RS256", "PS256" -> {
                KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                g.initialize(rsaBits);
                yield g.generateKeyPair();
            }
            case "ES256" -> {
                KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
                g.initialize(new ECGenParameterSpec("secp256r1"));
                yield g.generateKeyPair();
            }
            case "EdDSA" -> KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            default -> throw new IllegalArgumentException(alg);
        };
    }

    static Signature signature(String alg) throws GeneralSecurityException {
        return signature(alg, null);
    }

    /** @param provider the provider to use; null for the first one that has the algorithm */
    static Signature signature(String alg, java.security.Provider provider) throws GeneralSecurityException {
        String name = switch (alg) {
            case "RS256" -> "SHA256withRSA";
            case "PS256" -> "RSASSA-PSS";
            case "ES256" -> "SHA256withECDSA";
            case "EdDSA" -> "Ed25519";
            default -> throw new IllegalArgumentException(alg);
        };
        Signature s = provider == null ? Signature.getInstance(name) : Signature.getInstance(name, provider);
        if (alg.equals("PS256")) {
            s.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
        }
        return s;
    }

    /** java.security.Signature of one given provider, one thread: the provider table of docs/performance.md. */
    static Rate raw(String alg, java.security.Provider provider, PrivateKey key, String signingInput, double warmupSeconds,
            int seconds, Quiet quiet) {
        byte[] input = signingInput.getBytes(StandardCharsets.US_ASCII);
        return run(1, warmupSeconds, seconds, quiet, () -> {
            Signature s = signature(alg, provider);
            s.initSign(key);
            return () -> {
                s.update(input);
                sink ^= s.sign()[0];
            };
        });
    }

    /** java.security.Signature: initSign once per thread, then update + sign per token. */
    static Rate raw(String alg, PrivateKey key, String signingInput, int threads, double warmupSeconds, int seconds,
            Quiet quiet) {
        byte[] input = signingInput.getBytes(StandardCharsets.US_ASCII);
        return run(threads, warmupSeconds, seconds, quiet, () -> {
            Signature s = signature(alg);
            s.initSign(key);
            return () -> {
                s.update(input);
                sink ^= s.sign()[0];
            };
        });
    }

    /** jose4j as JwtSigner uses it: a new JsonWebSignature per token, headers, compact serialization. */
    static Rate jose4j(String alg, PrivateKey key, String kid, String payloadJson, int threads, double warmupSeconds,
            int seconds, Quiet quiet) {
        return run(threads, warmupSeconds, seconds, quiet, () -> () -> {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(payloadJson);
            jws.setAlgorithmHeaderValue(alg);
            jws.setKeyIdHeaderValue(kid);
            jws.setHeader("typ", "at+jwt");
            jws.setKey(key);
            sink ^= jws.getCompactSerialization().length();
        });
    }

    interface Op {
        void run() throws GeneralSecurityException, JoseException;
    }

    interface OpFactory {
        Op create() throws GeneralSecurityException;
    }

    static Rate run(int threads, double warmupSeconds, int seconds, Quiet quiet, OpFactory factory) {
        long start = System.nanoTime() + 50_000_000L;
        long measureFrom = start + (long) (warmupSeconds * 1e9);
        long measureTo = measureFrom + seconds * 1_000_000_000L;
        long[][] perSecond = new long[threads][seconds];
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            long[] counts = perSecond[t];
            Thread worker = new Thread(() -> {
                try {
                    Op op = factory.create();
                    while (System.nanoTime() < start) {
                        Thread.onSpinWait();
                    }
                    while (System.nanoTime() < measureFrom) {
                        op.run();
                    }
                    long now;
                    while ((now = System.nanoTime()) < measureTo) {
                        op.run();
                        long finished = System.nanoTime();
                        if (finished < measureTo) {
                            counts[(int) ((finished - measureFrom) / 1_000_000_000L)]++;
                        }
                    }
                } catch (Throwable e) {
                    failures.add(e);
                } finally {
                    done.countDown();
                }
            }, "ceiling-" + t);
            worker.setDaemon(true);
            worker.start();
        }
        CpuMeter meter = new CpuMeter(quiet.serverPid());
        try {
            CpuMeter.Sample[] marks = new CpuMeter.Sample[seconds + 1];
            sleepUntil(measureFrom);
            marks[0] = meter.sample();
            for (int s = 1; s <= seconds; s++) {
                sleepUntil(measureFrom + s * 1_000_000_000L);
                marks[s] = meter.sample();
            }
            done.await();
            if (!failures.isEmpty()) {
                throw new IllegalStateException("Signing failed", failures.get(0));
            }
            long ops = 0;
            long quietOps = 0;
            int quietSeconds = 0;
            double quietCpu = 0;
            for (int s = 0; s < seconds; s++) {
                long n = 0;
                for (long[] counts : perSecond) {
                    n += counts[s];
                }
                ops += n;
                CpuMeter.Usage second = meter.between(marks[s], marks[s + 1]);
                if (second.otherCores() <= quiet.maxOtherCores()) {
                    quietSeconds++;
                    quietOps += n;
                    quietCpu += second.selfCpuSeconds();
                }
            }
            CpuMeter.Usage usage = meter.between(marks[0], marks[seconds]);
            return new Rate((double) ops / seconds, usage.selfCpuSeconds(), seconds, ops, quietSeconds, quietOps, quietCpu,
                    usage.otherCores());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void sleepUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            Thread.sleep(Math.max(1, Math.min(left / 1_000_000L, 200)));
        }
    }
}
