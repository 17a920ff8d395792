package dev.tessera.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS in front of the README's server, as docs/operations.md describes it (issue 22 point 5): a throwaway certificate
 * for localhost made with openssl, as a PKCS#12 key store for Payara Micro's own HTTPS listener (handed to the JVM in an
 * argument file, never on the command line) and as PEM files for Debian's nginx, which runs the documented site with
 * the ports of the test and {@code proxy_bind 127.0.0.2}, the address the server trusts as its proxy.
 */
final class TlsFrontDoor implements AutoCloseable {
    static final String KEY_STORE_PASSWORD = "front-door-ks-" + System.nanoTime();

    private final Path dir;
    private final Certificate certificate;
    private Process nginx;

    private TlsFrontDoor(Path dir, Certificate certificate) {
        this.dir = dir;
        this.certificate = certificate;
    }

    static TlsFrontDoor create(Path dir) throws Exception {
        Files.createDirectories(dir.resolve("tmp"));
        run(dir, "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "key.pem",
                "-out", "cert.pem", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-days", "2");
        run(dir, "openssl", "pkcs12", "-export", "-in", "cert.pem", "-inkey", "key.pem", "-name", "tessera", "-out", "tls.p12",
                "-passout", "pass:" + KEY_STORE_PASSWORD);
        Files.write(dir.resolve("tls.args"), List.of("-Djavax.net.ssl.keyStore=" + dir.resolve("tls.p12"),
                "-Djavax.net.ssl.keyStoreType=PKCS12", "-Djavax.net.ssl.keyStorePassword=" + KEY_STORE_PASSWORD));
        try (InputStream pem = Files.newInputStream(dir.resolve("cert.pem"))) {
            return new TlsFrontDoor(dir, CertificateFactory.getInstance("X.509").generateCertificate(pem));
        }
    }

    /** The JVM option that hands Payara Micro the key store: {@code @argfile}. */
    String jvmArgumentFile() {
        return "@" + dir.resolve("tls.args");
    }

    Certificate certificate() {
        return certificate;
    }

    /** An HTTP client that trusts only this certificate and follows no redirect. */
    HttpClient client() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("front-door", certificate);
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Starts nginx on 127.0.0.1:{@code port} with TLS, proxying to 127.0.0.1:{@code upstream} from 127.0.0.2. */
    void startNginx(int port, int upstream) throws Exception {
        String nginxBinary = Files.isExecutable(Path.of("/usr/sbin/nginx")) ? "/usr/sbin/nginx" : "nginx";
        String conf = """
                worker_processes 1;
                daemon off;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log;
                events { worker_connections 64; }
                http {
                    access_log off;
                    client_body_temp_path %1$s/tmp/body;
                    proxy_temp_path %1$s/tmp/proxy;
                    fastcgi_temp_path %1$s/tmp/fastcgi;
                    uwsgi_temp_path %1$s/tmp/uwsgi;
                    scgi_temp_path %1$s/tmp/scgi;
                    server {
                        listen 127.0.0.1:%2$d ssl;
                        server_name localhost;
                        ssl_certificate     %1$s/cert.pem;
                        ssl_certificate_key %1$s/key.pem;
                        location / {
                            proxy_pass http://127.0.0.1:%3$d;
                            proxy_bind 127.0.0.2;
                            proxy_http_version 1.1;
                            proxy_set_header Host              $host;
                            proxy_set_header X-Forwarded-For   $remote_addr;
                            proxy_set_header X-Forwarded-Proto $scheme;
                            proxy_set_header X-Request-Id      $request_id;
                        }
                    }
                }
                """.formatted(dir, port, upstream);
        Files.writeString(dir.resolve("nginx.conf"), conf);
        try {
            nginx = new ProcessBuilder(nginxBinary, "-p", dir.toString(), "-c", dir.resolve("nginx.conf").toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
        } catch (IOException e) {
            throw new AssertionError("Debian's nginx is needed (apt-get install nginx-light, as .ci/run does)", e);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(nginx.isAlive()).as("nginx: " + Files.readString(dir.resolve("nginx.out"))).isTrue();
            try (Socket probe = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new AssertionError("nginx did not listen on " + port);
    }

    @Override
    public void close() throws InterruptedException {
        if (nginx != null) {
            nginx.descendants().forEach(ProcessHandle::destroy);
            nginx.destroy();
            nginx.waitFor();
        }
    }

    private static void run(Path dir, String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(String.join(" ", command) + ": " + output).isZero();
    }
}
