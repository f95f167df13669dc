package io.sinkhole.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.sinkhole.config.PrivacyConfig;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FieldsTest {

  @Test
  void millis_isTheTextOfTheDoubleItReplaces() throws Exception {
    for (long micros = 0; micros < 200_000; micros += 7) {
      JsonRow row = new JsonRow();
      row.start();
      Fields.millis(row, JsonRow.key("ResponseTimeMs"), micros);
      row.end();
      String text = new String(row.toByteArray(), StandardCharsets.UTF_8);
      assertThat(text).isEqualTo("{\"ResponseTimeMs\":" + micros / 1000.0 + "}");
    }
  }

  @Test
  void valueOver64KB_isCutVisiblyWithinTheLimit() {
    String cut = Fields.limit("é".repeat(40_000)); // 80,000 bytes of UTF-8

    assertThat(cut).endsWith(Fields.TRUNCATED);
    assertThat(cut.getBytes(StandardCharsets.UTF_8).length)
        .isLessThanOrEqualTo(Fields.MAX_FIELD_BYTES);
    assertThat(cut.substring(0, cut.length() - Fields.TRUNCATED.length())).matches("é+");
  }

  // JsonRow writes a lone surrogate as U+FFFD (3 bytes); String.getBytes counts it as '?' (1 byte).
  @Test
  void loneSurrogatesOver64KBOnceWritten_areCutWithinTheLimit() throws Exception {
    JsonRow row = new JsonRow();
    row.start();
    Fields.string(row, JsonRow.key("IndicatorReference"), "\ud800".repeat(30_000));
    row.end();

    String value =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(row.toByteArray())
            .get("IndicatorReference")
            .asText();
    assertThat(value).endsWith(Fields.TRUNCATED);
    assertThat(value.getBytes(StandardCharsets.UTF_8).length)
        .isLessThanOrEqualTo(Fields.MAX_FIELD_BYTES);
  }

  @Test
  void valueWithinLimit_isUnchanged() {
    String s = "a".repeat(Fields.MAX_FIELD_BYTES);

    assertThat(Fields.limit(s)).isSameAs(s);
  }

  @Test
  void truncatedClientAddresses_keepOnlyTheConfiguredPrefix() throws Exception {
    ClientAddressFormat f =
        ClientAddressFormat.of(
            new PrivacyConfig(PrivacyConfig.ClientAddress.TRUNCATE, null, null, 24, 56));

    assertThat(f.format(InetAddress.getByName("192.0.2.77"))).isEqualTo("192.0.2.0");
    assertThat(f.format(InetAddress.getByName("2001:db8:1:2ff::1"))).isEqualTo("2001:db8:1:200::");
  }

  @Test
  void hashedClientAddresses_dependOnTheKey() throws Exception {
    java.nio.file.Path key = java.nio.file.Files.createTempFile("key", "");
    java.nio.file.Files.writeString(key, "first-key-of-16-chars");
    PrivacyConfig p = new PrivacyConfig(PrivacyConfig.ClientAddress.HASH, key, null, null, null);
    String first = ClientAddressFormat.of(p).format(InetAddress.getByName("192.0.2.77"));
    java.nio.file.Files.writeString(key, "second-key-of-16-chars");
    String second = ClientAddressFormat.of(p).format(InetAddress.getByName("192.0.2.77"));

    assertThat(first).matches("[0-9a-f]{32}").isNotEqualTo(second);
    assertThat(ClientAddressFormat.of(p).format(InetAddress.getByName("192.0.2.77")))
        .isEqualTo(second);
  }
}
