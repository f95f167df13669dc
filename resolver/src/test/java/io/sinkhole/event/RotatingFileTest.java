package io.sinkhole.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The events file after write failures, torn lines and removal: one whole row per line. */
class RotatingFileTest {
  @TempDir Path dir;

  private static byte[] row(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void failedBatch_isNotWrittenAgainWithTheNextOne() throws Exception {
    Path file = dir.resolve("events.jsonl");
    // /dev/full fails every write with ENOSPC, as a full disk does.
    Files.createSymbolicLink(file, Path.of("/dev/full"));
    RotatingFile out = new RotatingFile(file, 0, 0, 0, 0);
    out.writeLine(row("{\"lost\":1}"));
    assertThatThrownBy(out::flush).isInstanceOf(IOException.class);

    Files.delete(file);
    out.writeLine(row("{\"kept\":2}"));
    out.flush();
    out.close();

    assertThat(Files.readAllLines(file)).containsExactly("{\"kept\":2}");
  }

  @Test
  void tornLastLine_isEndedBeforeTheNextRow() throws Exception {
    Path file = dir.resolve("events.jsonl");
    Files.writeString(file, "{\"whole\":1}\n{\"tor");

    RotatingFile out = new RotatingFile(file, 0, 0, 0, 0);
    out.writeLine(row("{\"next\":2}"));
    out.flush();
    out.close();

    assertThat(Files.readAllLines(file)).containsExactly("{\"whole\":1}", "{\"tor", "{\"next\":2}");
  }

  @Test
  void removedFile_isCreatedAgain_forTheNextBatch() throws Exception {
    Path file = dir.resolve("events.jsonl");
    RotatingFile out = new RotatingFile(file, 0, 0, 0, 0);
    out.writeLine(row("{\"a\":1}"));
    out.flush();

    Files.delete(file);
    out.writeLine(row("{\"b\":2}"));
    out.flush();
    out.writeLine(row("{\"c\":3}"));
    out.flush();
    out.close();

    assertThat(Files.readAllLines(file)).containsExactly("{\"b\":2}", "{\"c\":3}");
  }
}
