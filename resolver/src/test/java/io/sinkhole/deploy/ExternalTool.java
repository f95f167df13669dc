package io.sinkhole.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A command-line tool that a deployment check depends on. A missing tool fails the test instead of
 * skipping it: CI installs every one of them, so a skip would hide a broken CI setup.
 */
final class ExternalTool {
  static final ExternalTool PROMTOOL = new ExternalTool("promtool", "Debian package prometheus");
  static final ExternalTool DOCKER_COMPOSE =
      new ExternalTool("docker-compose", "Debian package docker-compose");
  static final ExternalTool NODE = new ExternalTool("node", "Debian package nodejs");
  static final ExternalTool NPM = new ExternalTool("npm", "Debian packages nodejs and npm");

  /** What the tool printed, stdout and stderr interleaved. */
  record Result(int exitCode, String output) {}

  private final String command;
  private final String installHint;

  private ExternalTool(String command, String installHint) {
    this.command = command;
    this.installHint = installHint;
  }

  Result run(Path workDir, Duration timeout, String... args) {
    return runWithInput(workDir, timeout, Path.of("/dev/null"), args);
  }

  /** Runs with {@code input} as standard input (promtool check metrics reads a scrape there). */
  Result runWithInput(Path workDir, Duration timeout, Path input, String... args) {
    List<String> argv = new ArrayList<>();
    argv.add(command);
    argv.addAll(List.of(args));
    try {
      Path log = Files.createTempFile("sinkhole-" + command, ".log");
      try {
        return runLogged(argv, workDir, timeout, input, log);
      } finally {
        Files.deleteIfExists(log);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Result runLogged(List<String> argv, Path workDir, Duration timeout, Path input, Path log)
      throws IOException {
    Process process;
    try {
      process =
          new ProcessBuilder(argv)
              .directory(workDir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(input.toFile()))
              .start();
    } catch (IOException e) {
      throw new AssertionError(
          command + " is not installed (" + installHint + "); this check needs it", e);
    }

    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(String.join(" ", argv) + " did not finish within " + timeout);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while running " + command, e);
    }
    return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }
}
