package io.sinkhole.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExcerptsTest {

  @Test
  void of_controlAndBidiCharacters_areReplaced() {
    assertThat(Excerpts.of("a\u001b[31mb\u202ec\r\n")).isEqualTo("a?[31mb?c??");
  }

  @Test
  void of_longText_isCutTo80Characters() {
    String excerpt = Excerpts.of("x".repeat(500));
    assertThat(excerpt).hasSize(Excerpts.MAX_LENGTH).endsWith("...");
  }
}
