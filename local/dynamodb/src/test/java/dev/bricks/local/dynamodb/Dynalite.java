package dev.bricks.local.dynamodb;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs dynalite (npm {@code dynalite@4.0.0}) on a loopback port for conformance tests, installing it into
 * {@code target/dynalite} with npm when it is missing. {@link #start()} returns null, with the reason in
 * {@link #unavailable}, when node or npm are absent.
 */
final class Dynalite implements AutoCloseable {
    static final String VERSION = "4.0.0";
    static String unavailable;

    private final Process process;
    final URI endpoint;

    private Dynalite(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    static Dynalite start() throws IOException, InterruptedException {
        if (!runs(List.of("node", "--version"))) {
            unavailable = "node is not installed: conformance against dynalite skipped";
            return null;
        }
        Path dir = Path.of("target", "dynalite").toAbsolutePath();
        Path cli = dir.resolve("node_modules/dynalite/cli.js");
        if (!Files.exists(cli)) {
            if (!runs(List.of("npm", "--version"))) {
                unavailable = "npm is not installed: conformance against dynalite skipped";
                return null;
            }
            Files.createDirectories(dir);
            Process npm = new ProcessBuilder(
                            "npm",
                            "install",
                            "--prefix",
                            dir.toString(),
                            "--no-audit",
                            "--no-fund",
                            "--prefer-offline",
                            "dynalite@" + VERSION)
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("npm.log").toFile())
                    .start();
            if (!npm.waitFor(180, TimeUnit.SECONDS) || npm.exitValue() != 0 || !Files.exists(cli)) {
                npm.destroyForcibly();
                throw new IllegalStateException(
                        "npm install dynalite@" + VERSION + " failed; see " + dir.resolve("npm.log"));
            }
        }
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Process p = new ProcessBuilder(
                        "node",
                        cli.toString(),
                        "--host",
                        "127.0.0.1",
                        "--port",
                        Integer.toString(port),
                        "--createTableMs",
                        "0",
                        "--deleteTableMs",
                        "0",
                        "--updateTableMs",
                        "0")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("dynalite.log").toFile())
                .start();
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return new Dynalite(p, URI.create("http://127.0.0.1:" + port));
            } catch (IOException notYet) {
                if (!p.isAlive()) break;
                Thread.sleep(50);
            }
        }
        p.destroyForcibly();
        throw new IllegalStateException("dynalite did not start; see " + dir.resolve("dynalite.log"));
    }

    private static boolean runs(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly();
    }
}
