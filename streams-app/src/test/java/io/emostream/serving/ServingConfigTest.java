package io.emostream.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.emostream.app.EmostreamConfig;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServingConfigTest {

  @Test
  void shouldUseTheDeclaredDefaults() {
    ServingConfig config = from(EmostreamConfig.of(Map.of()));
    assertThat(config.enabled()).isTrue();
    assertThat(config.host()).isEqualTo("127.0.0.1");
    assertThat(config.advertisedHost()).isEqualTo("127.0.0.1");
    assertThat(config.port()).isEqualTo(8080);
    assertThat(config.token()).isNull();
    assertThat(config.keepAlive()).isEqualTo(Duration.ofSeconds(15));
  }

  @Test
  void shouldReadTheKeepAliveAsADurationAndTheFormerMillisecondKeyToo() {
    assertThat(from(EmostreamConfig.of(Map.of("serving.sse.keep-alive", "2s"))).keepAlive())
        .isEqualTo(Duration.ofSeconds(2));
    assertThat(from(EmostreamConfig.of(Map.of("serving.sse.keep-alive-ms", "1500"))).keepAlive())
        .isEqualTo(Duration.ofMillis(1500));
  }

  @Test
  void shouldReadTheTokenAndPassOnlyConsumerSettingsToTheFeed() {
    ServingConfig config = from(EmostreamConfig.of(Map.of("serving.token", "t0k",
        "bootstrap.servers", "b:9092", "security.protocol", "SSL", "num.stream.threads", "2")));
    assertThat(config.token()).isEqualTo("t0k");
    assertThat(config.clientProps()).containsOnlyKeys("bootstrap.servers", "security.protocol");
  }

  @Test
  void shouldNotAllowAWildcardHostWithoutAnAdvertisedHost() {
    assertThatThrownBy(() -> from(EmostreamConfig.of(Map.of("serving.host", "0.0.0.0"))))
        .hasMessageContaining("serving.advertised-host");
  }

  /** The config as the app builds it: its settings and its Streams properties. */
  private static ServingConfig from(EmostreamConfig config) {
    return ServingConfig.from(config.settings(), config.streamsProperties());
  }
}
