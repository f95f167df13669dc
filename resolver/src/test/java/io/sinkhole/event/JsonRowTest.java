package io.sinkhole.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonRowTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode parse(JsonRow row) throws Exception {
    return JSON.readTree(row.toByteArray());
  }

  @Test
  void anyText_readsBackAsTheSameString() throws Exception {
    Random random = new Random(5);
    for (int round = 0; round < 2000; round++) {
      // Printable ASCII, control characters, quotes, backslashes, two- and three-byte UTF-8,
      // and supplementary characters as surrogate pairs.
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(40); i > 0; i--) {
        int pick = random.nextInt(5);
        int cp =
            switch (pick) {
              case 0 -> random.nextInt(0x20);
              case 1 -> "\"\\/".charAt(random.nextInt(3));
              case 2 -> 0x80 + random.nextInt(0x780);
              case 3 -> 0x800 + random.nextInt(0xd000);
              default -> 0x10000 + random.nextInt(0x1000);
            };
        text.appendCodePoint(cp);
      }
      JsonRow row = new JsonRow();
      row.start();
      row.field(JsonRow.key("Name"), text.toString());
      row.end();

      assertThat(parse(row).get("Name").asText()).isEqualTo(text.toString());
    }
  }

  @Test
  void constant_writesTheValueGiven_evenWhenAnotherSharesItsCacheSlot() throws Exception {
    // Strings of equal hash fall in the same slot: "Aa" and "BB" (both 2112), and a copy of
    // "Aa" that is equal but not the same object. Each row must hold the value it was given.
    String aa = "Aa";
    String bb = "BB";
    String aaCopy = new String(new char[] {'A', 'a'});
    assertThat(aa.hashCode()).isEqualTo(bb.hashCode());
    JsonRow row = new JsonRow(true);
    byte[] key = JsonRow.key("V");
    for (String value : new String[] {aa, bb, aa, aaCopy, "with \"quote\"", "", "é\u0001"}) {
      row.start();
      row.constant(key, value);
      row.end();
      JsonNode read = parse(row);
      if (value.isEmpty()) {
        assertThat(read.has("V")).as("omitted when empty").isFalse();
      } else {
        assertThat(read.get("V").asText()).isEqualTo(value);
      }
    }
  }

  /**
   * Two values that share a slot both stay encoded: a row with a dozen constants otherwise
   * re-encoded (and allocated) the colliding ones on every row.
   */
  @Test
  void constantsSharingASlot_areEachEncodedOnce() {
    String aa = "Aa";
    String bb = "BB";
    JsonRow row = new JsonRow();
    row.start();
    byte[] first = row.encodedConstant(aa);
    byte[] other = row.encodedConstant(bb);

    assertThat(row.encodedConstant(aa)).isSameAs(first);
    assertThat(row.encodedConstant(bb)).isSameAs(other);
    assertThat(new String(first, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("\"Aa\"");
  }

  @Test
  void time_writesTheSecondTextThenMillis() throws Exception {
    JsonRow row = new JsonRow();
    row.start();
    row.time(JsonRow.key("T"), "\"2026-12-04T16:17:53.".getBytes(), 7);
    row.end();

    assertThat(parse(row).get("T").asText()).isEqualTo("2026-12-04T16:17:53.007Z");
  }

  @Test
  void omitEmpty_leavesOutEmptyAndNullStrings_only() throws Exception {
    JsonRow row = new JsonRow(true);
    row.start();
    row.field(JsonRow.key("Empty"), "");
    row.field("Null", (String) null);
    row.field(JsonRow.key("Name"), "a.example");
    row.field("Zero", 0);
    row.field("Flag", false);
    row.field("AlsoEmpty", "");
    row.required("Kept", "");
    row.end();

    assertThat(new String(row.toByteArray(), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo("{\"Name\":\"a.example\",\"Zero\":0,\"Flag\":false,\"Kept\":\"\"}");
  }

  @Test
  void keepEmpty_writesEveryField() throws Exception {
    JsonRow row = new JsonRow(false);
    row.start();
    row.field(JsonRow.key("Empty"), "");
    row.field("Null", (String) null);
    row.end();

    assertThat(new String(row.toByteArray(), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo("{\"Empty\":\"\",\"Null\":\"\"}");
  }

  @Test
  void loneSurrogate_isWrittenAsReplacementCharacter() throws Exception {
    JsonRow row = new JsonRow();
    row.start();
    row.field("Name", "a\ud800b");
    row.end();

    assertThat(parse(row).get("Name").asText()).isEqualTo("a\ufffdb");
  }

  @Test
  void numbersBooleansAndNestedObject_haveTheirJsonTypes() throws Exception {
    JsonRow row = new JsonRow();
    row.start();
    row.field("Min", Long.MIN_VALUE + 1);
    row.field("Zero", 0);
    row.field("Port", 65535);
    row.field("Flag", true);
    row.object("AdditionalFields");
    row.field("Action", "blocked");
    row.end();
    row.end();

    JsonNode n = parse(row);
    assertThat(n.get("Min").asLong()).isEqualTo(Long.MIN_VALUE + 1);
    assertThat(n.get("Zero").isInt()).isTrue();
    assertThat(n.get("Port").asInt()).isEqualTo(65535);
    assertThat(n.get("Flag").isBoolean()).isTrue();
    assertThat(n.get("AdditionalFields").get("Action").asText()).isEqualTo("blocked");
  }

  @Test
  void reusedRow_holdsOnlyTheLatestObject() throws Exception {
    JsonRow row = new JsonRow();
    row.start();
    row.field("Name", "x".repeat(5000));
    row.end();
    row.start();
    row.field("Name", "short");
    row.end();

    assertThat(new String(row.toByteArray(), "UTF-8")).isEqualTo("{\"Name\":\"short\"}");
  }
}
