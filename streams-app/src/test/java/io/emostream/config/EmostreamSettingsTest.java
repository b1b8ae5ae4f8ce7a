package io.emostream.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef.ConfigKey;
import org.junit.jupiter.api.Test;

class EmostreamSettingsTest {

  @Test
  void shouldRejectAnUnknownKeyNamingTheClosestValidKey() {
    assertThatThrownBy(() -> EmostreamSettings.of(Map.of("inference.max-bach", "8")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown setting inference.max-bach; did you mean inference.max-batch?");
    assertThatThrownBy(() -> EmostreamSettings.of(Map.of("serving.prot", "8081", "assembly.max-wiat", "5s")))
        .hasMessageContaining("did you mean serving.port?")
        .hasMessageContaining("did you mean assembly.max-wait?");
  }

  @Test
  void shouldLetKafkaStreamsClientAndRegistryKeysPassThrough() {
    EmostreamSettings settings = EmostreamSettings.of(Map.of(
        "bootstrap.servers", "b:9092", "num.stream.threads", "2", "security.protocol", "SASL_SSL",
        "sasl.jaas.config", "x", "schema.registry.url", "http://r", "basic.auth.user.info", "u:p",
        "producer.max.request.size", "1", "application.id", "a"));
    assertThat(settings.getInt(InferenceKeys.MAX_BATCH_CONFIG)).isEqualTo(InferenceKeys.MAX_BATCH_DEFAULT);
  }

  @Test
  void shouldAcceptAlertOverridesButNameTheClosestRuleOfOneThatNamesNoRule() {
    EmostreamSettings settings = EmostreamSettings.of(Map.of("alerts.tenant.acme.cooldown", "1m",
        "alerts.queue.vip.support.consecutive-negative", "2"));
    assertThat(settings.alertOverrides()).containsOnlyKeys("alerts.tenant.acme.cooldown",
        "alerts.queue.vip.support.consecutive-negative");

    assertThatThrownBy(() -> EmostreamSettings.of(Map.of("alerts.queue.vip.colldown", "1m")))
        .hasMessageContaining("alerts.queue.vip.colldown names no alert rule")
        .hasMessageContaining("did you mean alerts.queue.vip.cooldown?");
  }

  @Test
  void shouldReadTheOneDurationSyntaxOnEveryDurationKey() {
    EmostreamSettings settings = EmostreamSettings.of(Map.of(
        InferenceKeys.MAX_DELAY_CONFIG, "100ms",
        AssemblyKeys.MAX_WAIT_CONFIG, "5s",
        AssemblyKeys.CALL_IDLE_TIMEOUT_CONFIG, "2m",
        AlertKeys.COOLDOWN_CONFIG, "PT45S",
        ServingKeys.KEEP_ALIVE_CONFIG, "2500",
        RollupKeys.WINDOW_SIZE_CONFIG, Duration.ofMinutes(10)));
    assertThat(settings.getDuration(InferenceKeys.MAX_DELAY_CONFIG)).isEqualTo(Duration.ofMillis(100));
    assertThat(settings.getDuration(AssemblyKeys.MAX_WAIT_CONFIG)).isEqualTo(Duration.ofSeconds(5));
    assertThat(settings.getDuration(AssemblyKeys.CALL_IDLE_TIMEOUT_CONFIG)).isEqualTo(Duration.ofMinutes(2));
    assertThat(settings.getDuration(AlertKeys.COOLDOWN_CONFIG)).isEqualTo(Duration.ofSeconds(45));
    assertThat(settings.getDuration(ServingKeys.KEEP_ALIVE_CONFIG)).as("plain numbers are milliseconds")
        .isEqualTo(Duration.ofMillis(2500));
    assertThat(settings.getDuration(RollupKeys.WINDOW_SIZE_CONFIG)).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void shouldReadADeprecatedSpellingIntoItsNewKeyAndWarnNamingTheNewKey() {
    try (LogCapture log = new LogCapture(DeprecatedKeys.class)) {
      EmostreamSettings settings = EmostreamSettings.of(Map.of("model.batch.max-delay-ms", "40",
          "serving.sse.keep-alive-ms", "1000"));

      assertThat(settings.getDuration(InferenceKeys.MAX_DELAY_CONFIG)).isEqualTo(Duration.ofMillis(40));
      assertThat(settings.getDuration(ServingKeys.KEEP_ALIVE_CONFIG)).isEqualTo(Duration.ofSeconds(1));
      assertThat(log.lines()).anySatisfy(line -> assertThat(line).startsWith("WARN")
          .contains("model.batch.max-delay-ms is deprecated; use inference.max-delay"));
      assertThat(log.lines()).anySatisfy(line -> assertThat(line).startsWith("WARN")
          .contains("serving.sse.keep-alive-ms is deprecated; use serving.sse.keep-alive"));
    }
  }

  @Test
  void shouldPreferTheNewKeyWhenBothSpellingsAreSet() {
    try (LogCapture log = new LogCapture(DeprecatedKeys.class)) {
      EmostreamSettings settings = EmostreamSettings.of(Map.of("model.batch.max", "8",
          InferenceKeys.MAX_BATCH_CONFIG, "4"));
      assertThat(settings.getInt(InferenceKeys.MAX_BATCH_CONFIG)).isEqualTo(4);
      assertThat(log.lines()).anySatisfy(line -> assertThat(line)
          .contains("model.batch.max is deprecated and ignored because inference.max-batch is set"));
    }
  }

  @Test
  void shouldNameTheKeyAndWhatIsAllowedOfAnInvalidValue() {
    assertThatThrownBy(() -> EmostreamSettings.of(Map.of(AssemblyKeys.MAX_WAIT_CONFIG, "soon")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("assembly.max-wait 'soon' is not valid").hasMessageContaining("250ms, 10s, 5m");
    assertThatThrownBy(() -> EmostreamSettings.of(Map.of(ServingKeys.PORT_CONFIG, "70000")))
        .hasMessageContaining("serving.port '70000' is not valid: use a whole number in [0, 65535]");
    assertThatThrownBy(() -> EmostreamSettings.of(Map.of(TopicKeys.CREATE_CONFIG, "yes")))
        .hasMessageContaining("topics.create");
  }

  @Test
  void shouldDeclareEveryKeyWithDocumentationUnderAnOwnPrefix() {
    for (ConfigKey key : EmostreamConfigDef.CONFIG_DEF.configKeys().values()) {
      assertThat(key.documentation).as(key.name).isNotBlank();
      assertThat(EmostreamConfigDef.isOwn(key.name)).as(key.name).isTrue();
    }
    assertThat(EmostreamConfigDef.DEPRECATED.values()).allSatisfy(
        current -> assertThat(EmostreamConfigDef.CONFIG_DEF.names()).contains(current));
  }

  @Test
  void shouldMeasureTheClosestKeyInEdits() {
    assertThat(UnknownKeys.distance("inference.max-bach", "inference.max-batch")).isEqualTo(1);
    assertThat(UnknownKeys.distance("", "abc")).isEqualTo(3);
    assertThat(UnknownKeys.closest("model.devise", EmostreamConfigDef.CONFIG_DEF.names()))
        .isEqualTo("model.device");
  }
}
