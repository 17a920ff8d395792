package dev.tessera.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Payara Micro started the way the README's run command starts it (the pom's payara-micro:start: the quick-start
 * flags, server-config/payara-micro/logging.properties, H2 in a data directory), for tests of a first start and of
 * restarts on the same data.
 */
final class ReadmeServer {

    private ReadmeServer() {
    }

    /** Starts it on a free port with {@code data} as the data directory and the given environment. */
    static PayaraMicroProcess launch(String name, Path data, Map<String, String> environment) throws IOException {
        return launch(name, data, environment, List.of(), List.of());
    }

    /** The same with JVM options before {@code -jar} (e.g. an {@code @argfile}) and further Payara Micro options. */
    static PayaraMicroProcess launch(String name, Path data, Map<String, String> environment, List<String> jvmOptions,
            List<String> microOptions) throws IOException {
        Path basedir = Path.of(System.getProperty("project.basedir", "."));
        Path target = Path.of(System.getProperty("project.build.directory", "target"));
        int port = PayaraMicroProcess.freePort();
        Path config = basedir.resolve("server-config/payara-micro");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-Djava.io.tmpdir=" + target, "-Dtessera.port=" + port,
                "-Dtessera.data.dir=" + data));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", System.getProperty("payara.microJar", target.resolve("payara-micro.jar").toString()),
                "--nocluster", "--port", Integer.toString(port),
                "--prebootcommandfile", config.resolve("preboot.asadmin").toString(),
                "--logproperties", config.resolve("logging.properties").toString(),
                "--postbootcommandfile", config.resolve("h2.asadmin").toString(),
                "--deploy", System.getProperty("tessera.war", target.resolve("tessera.war").toString()), "--contextroot", "/"));
        command.addAll(microOptions);
        if (Files.isDirectory(target.resolve("jdbc"))) {
            command.addAll(Arrays.asList("--addlibs", target.resolve("jdbc").toString()));
        }
        return PayaraMicroProcess.launch(name, command, environment, port);
    }

    /** A new, empty data directory under target/. */
    static Path freshDataDirectory(String name) throws IOException {
        Path target = Path.of(System.getProperty("project.build.directory", "target"));
        return Files.createDirectories(target.resolve(name + "-data-" + System.nanoTime()));
    }
}
