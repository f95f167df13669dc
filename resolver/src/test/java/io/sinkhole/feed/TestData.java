package io.sinkhole.feed;

import java.nio.file.Path;

/** Where the real published feeds kept beside the repository live. */
final class TestData {
  private TestData() {}

  /** {@code shared/data} next to the repository root that surefire passes as sinkhole.repo. */
  static Path sharedData() {
    String repo = System.getProperty("sinkhole.repo");
    if (repo == null) {
      throw new IllegalStateException(
          "system property sinkhole.repo is not set (surefire sets it)");
    }
    return Path.of(repo, "..", "shared", "data").normalize();
  }

  static Path sharedData(String file) {
    return sharedData().resolve(file);
  }
}
