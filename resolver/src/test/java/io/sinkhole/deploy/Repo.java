package io.sinkhole.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Paths in the repository checkout, whose root surefire passes as {@code sinkhole.repo}. */
final class Repo {
  private Repo() {}

  static Path root() {
    String root = System.getProperty("sinkhole.repo");
    if (root == null || root.isBlank()) {
      throw new AssertionError("system property sinkhole.repo is not set (surefire sets it)");
    }
    return Path.of(root).toAbsolutePath().normalize();
  }

  static Path path(String relative) {
    return root().resolve(relative);
  }

  /** Regular files under {@code dir} whose name ends with {@code suffix}, skipping node_modules. */
  static List<Path> files(Path dir, String suffix) {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(suffix))
          .filter(p -> !p.toString().contains("node_modules"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
