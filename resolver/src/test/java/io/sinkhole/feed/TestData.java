package io.sinkhole.feed;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the real published feeds kept beside the repository live. */
final class TestData {
  private TestData() {}

  /**
   * The public sample files: {@code $SINKHOLE_SHARED_DATA} if set, else {@code ../shared/data}
   * beside the repository root (surefire passes the root as sinkhole.repo), else the workplace's
   * {@code /work/shared/data}. A missing directory fails the tests that need it, loudly.
   */
  static Path sharedData() {
    String env = System.getenv("SINKHOLE_SHARED_DATA");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    String repo = System.getProperty("sinkhole.repo");
    if (repo == null) {
      throw new IllegalStateException(
          "system property sinkhole.repo is not set (surefire sets it)");
    }
    Path beside = Path.of(repo, "..", "shared", "data").normalize();
    Path workplace = Path.of("/work/shared/data");
    if (!Files.isDirectory(beside) && Files.isDirectory(workplace)) {
      return workplace;
    }
    if (!Files.isDirectory(beside)) {
      throw new IllegalStateException(
          "the public sample feeds are not at " + beside + "; set SINKHOLE_SHARED_DATA");
    }
    return beside;
  }

  static Path sharedData(String file) {
    return sharedData().resolve(file);
  }
}
