package dev.tessera.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Issue 22 point 5: no image builder can be installed here and no base image pulled, so the container files are
 * linted: the Containerfile copies only what the repository or the build has, runs as a non-root user with a health
 * check and no secret; the entry script starts what each TESSERA_DB asks for; the Kubernetes manifests parse, probe
 * the health endpoints, take every secret from a Secret, and their Services and PodDisruptionBudget select the
 * Deployment's pods.
 */
class ContainerFilesTest {
    private static final Path BASE = Path.of(System.getProperty("project.basedir", "."));
    private static final Path DIR = BASE.resolve("server-config/container");
    private static final List<String> BUILD_OUTPUTS = List.of("target/payara-micro.jar", "target/jdbc/", "target/tessera.war");

    @Test
    void theContainerfileCopiesOnlyWhatExistsAndRunsUnprivilegedWithAHealthCheck() throws IOException {
        String file = Files.readString(DIR.resolve("Containerfile"));
        List<String> sources = new ArrayList<>();
        Matcher copy = Pattern.compile("(?m)^COPY (.+) (\\S+)$").matcher(file);
        while (copy.find()) {
            sources.addAll(List.of(copy.group(1).trim().split("\\s+")));
        }

        assertThat(sources).isNotEmpty().allSatisfy(source -> assertThat(BUILD_OUTPUTS.contains(source)
                || Files.exists(BASE.resolve(source))).as(source + " exists or is a build output").isTrue());
        assertThat(sources).containsAll(BUILD_OUTPUTS);
        assertThat(file).containsPattern("(?m)^USER [1-9][0-9]*$").containsPattern("(?m)^HEALTHCHECK .*\\n.*/health/ready")
                .containsPattern("(?m)^ENTRYPOINT \\[\"/opt/tessera/entrypoint.sh\"\\]$")
                .doesNotContainPattern("(?i)(PASSWORD|ENCRYPTION_KEY|SECRET)=");
        for (String asadmin : List.of("preboot", "h2", "postgresql", "mariadb")) {
            assertThat(file).contains("server-config/payara-micro/" + asadmin + ".asadmin");
        }
    }

    @Test
    void theEntryScriptStartsPayaraMicroAsEachDatabaseAndClusterModeAsks() throws Exception {
        assertThat(run(Map.of()).output()).contains("--nocluster", "/opt/tessera/config/h2.asadmin", "-Dtessera.port=8080",
                "-Dtessera.data.dir=/opt/tessera/data", "--deploy /opt/tessera/tessera.war", "--contextroot /",
                "java -XX:MaxRAMPercentage=70 -XX:TrimNativeHeapInterval=10000 ");
        assertThat(run(Map.of("JAVA_OPTS", "-Xmx300m")).output()).startsWith("java -Xmx300m ").doesNotContain("TrimNativeHeapInterval");
        Run postgres = run(Map.of("TESSERA_DB", "postgresql", "TESSERA_DB_URL", "jdbc:postgresql://db/tessera",
                "TESSERA_DB_USER", "tessera", "TESSERA_CLUSTER_MODE", "kubernetes:ns,tessera-datagrid", "TESSERA_PORT", "9090"));
        assertThat(postgres.output()).contains("/opt/tessera/config/postgresql.asadmin", "--clustermode kubernetes:ns,tessera-datagrid",
                "--port 9090").doesNotContain("--nocluster");
        Run tls = run(Map.of("TESSERA_TLS_KEYSTORE", "/run/secrets/tls.p12", "TESSERA_TLS_KEYSTORE_PASSWORD", "tls-pass-4711"));
        assertThat(tls.output()).contains("--sslport 8443 --sslcert tessera").doesNotContain("tls-pass-4711");
        Matcher argFile = Pattern.compile(" @(\\S+) ").matcher(tls.output());
        assertThat(argFile.find()).as(tls.output()).isTrue();
        Path args = Path.of(argFile.group(1));
        assertThat(Files.readAllLines(args)).contains("-Djavax.net.ssl.keyStore=/run/secrets/tls.p12",
                "-Djavax.net.ssl.keyStorePassword=tls-pass-4711");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(args))).isEqualTo("rw-------");
        Files.delete(args);
        Run unknown = run(Map.of("TESSERA_DB", "oracle"));
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.output()).contains("TESSERA_DB must be h2, postgresql or mariadb");
        Run noUrl = run(Map.of("TESSERA_DB", "mariadb"));
        assertThat(noUrl.exit()).isNotZero();
        assertThat(noUrl.output()).contains("TESSERA_DB_URL");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theKubernetesManifestsProbeHealthTakeSecretsFromSecretsAndSelectTheirPods() throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        new Yaml().loadAll(Files.readString(DIR.resolve("kubernetes.yaml"))).forEach(d -> documents.add((Map<String, Object>) d));
        Map<String, Object> deployment = kind(documents, "Deployment").get(0);
        Map<String, Object> podLabels = map(deployment, "spec", "template", "metadata", "labels");
        assertThat(at(deployment, "spec", "selector", "matchLabels")).isEqualTo(podLabels);
        Map<String, Object> container = ((List<Map<String, Object>>) at(deployment, "spec", "template", "spec", "containers")).get(0);

        assertThat(at(container, "readinessProbe", "httpGet", "path")).isEqualTo("/health/ready");
        assertThat(at(container, "livenessProbe", "httpGet", "path")).isEqualTo("/health/live");
        assertThat(at(deployment, "spec", "template", "spec", "securityContext", "runAsNonRoot")).isEqualTo(true);
        List<Map<String, Object>> env = (List<Map<String, Object>>) container.get("env");
        assertThat(env).filteredOn(e -> String.valueOf(e.get("name")).matches(".*(PASSWORD|ENCRYPTION_KEY|SECRET)"))
                .hasSize(3).allSatisfy(e -> assertThat(e).doesNotContainKey("value").containsKey("valueFrom"));
        assertThat(env).extracting(e -> e.get("name")).contains("TESSERA_ISSUER", "TESSERA_DB", "TESSERA_CLUSTER_MODE");
        for (Map<String, Object> service : kind(documents, "Service")) {
            assertThat(at(service, "spec", "selector")).isEqualTo(podLabels);
        }
        assertThat(at(kind(documents, "PodDisruptionBudget").get(0), "spec", "selector", "matchLabels")).isEqualTo(podLabels);
        assertThat(String.valueOf(at(kind(documents, "RoleBinding").get(0), "subjects"))).contains("tessera");
    }

    private static List<Map<String, Object>> kind(List<Map<String, Object>> documents, String kind) {
        List<Map<String, Object>> found = documents.stream().filter(d -> kind.equals(d.get("kind"))).toList();
        assertThat(found).as(kind).isNotEmpty();
        return found;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> node, String... path) {
        return (Map<String, Object>) at(node, path);
    }

    @SuppressWarnings("unchecked")
    private static Object at(Map<String, Object> node, String... path) {
        Object current = node;
        for (String step : path) {
            assertThat(current).as(String.join(".", path)).isInstanceOf(Map.class);
            current = ((Map<String, Object>) current).get(step);
        }
        assertThat(current).as(String.join(".", path)).isNotNull();
        return current;
    }

    private record Run(int exit, String output) {
    }

    /** The entry script with a stand-in {@code java} on the PATH that prints the command line it was given. */
    private static Run run(Map<String, String> environment) throws Exception {
        Path bin = Files.createTempDirectory("fake-java");
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\necho \"java $*\"\n", StandardCharsets.US_ASCII);
        assertThat(java.toFile().setExecutable(true)).isTrue();
        ProcessBuilder builder = new ProcessBuilder("sh", DIR.resolve("entrypoint.sh").toString()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("TESSERA_") || k.equals("JAVA_OPTS"));
        builder.environment().put("PATH", bin + ":/usr/bin:/bin");
        builder.environment().put("TMPDIR", bin.toString());
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(process.waitFor(), output);
    }
}
