package io.sinkhole.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DomainNamesTest {

  @Test
  void normalize_upperCaseAndTrailingDot_lowerCasedWithoutDot() {
    assertThat(DomainNames.normalize("  WWW.Example.COM. ")).isEqualTo("www.example.com");
  }

  @Test
  void normalize_plainLowerCaseName_returnsSameInstance() {
    String name = "ads.example";
    assertThat(DomainNames.normalize(name)).isSameAs(name);
  }

  @Test
  void normalize_unicodeName_becomesPunycode() {
    assertThat(DomainNames.normalize("bücher.example")).isEqualTo("xn--bcher-kva.example");
  }

  @Test
  void normalize_underscoreLabel_isKept() {
    assertThat(DomainNames.normalize("_dmarc.example")).isEqualTo("_dmarc.example");
  }

  @Test
  void normalize_longestLegalName_isAccepted() {
    String label = "a".repeat(63);
    String name = label + "." + label + "." + label + "." + "b".repeat(61);
    assertThat(name).hasSize(253);
    assertThat(DomainNames.normalize(name)).isEqualTo(name);
  }

  @Test
  void normalize_nameOf254Characters_isRejected() {
    String label = "a".repeat(63);
    String name = label + "." + label + "." + label + "." + "b".repeat(62);
    assertThat(DomainNames.normalize(name)).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        ".",
        "..",
        "a..example",
        ".example",
        "bad name.example",
        "bad/path.example",
        "192.0.2.1",
        "10.0.0.300",
        "host.123",
        "*.example",
        "ex!ample.example",
        "2001:db8::1",
        "example..",
        "\u0000.example"
      })
  void normalize_invalidName_returnsNull(String raw) {
    assertThat(DomainNames.normalize(raw)).isNull();
  }

  @Test
  void normalize_labelOf64Characters_isRejected() {
    assertThat(DomainNames.normalize("a".repeat(64) + ".example")).isNull();
    assertThat(DomainNames.normalize("a".repeat(63) + ".example")).isNotNull();
  }

  @Test
  void normalize_null_returnsNull() {
    assertThat(DomainNames.normalize(null)).isNull();
  }

  @Test
  void isNormalized_onlyForCanonicalForm() {
    assertThat(DomainNames.isNormalized("a.example")).isTrue();
    assertThat(DomainNames.isNormalized("A.example")).isFalse();
    assertThat(DomainNames.isNormalized("a.example.")).isFalse();
    assertThat(DomainNames.isValid("A.example.")).isTrue();
  }
}
