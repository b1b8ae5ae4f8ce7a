package io.emostream.app;

import io.emostream.config.ConfigException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmostreamConfigTest {

  @TempDir
  Path dir;

  @Test
  void shouldLetEnvironmentOverrideFileAndFlagsOverrideBoth() throws Exception {
    Path file = dir.resolve("app.properties");
    Files.writeString(file, "bootstrap.servers=file:9092\ninference.max-batch=4\nnum.stream.threads=2\n");
    EmostreamConfig config = EmostreamConfig.load(file,
        Map.of("EMOSTREAM_INFERENCE_MAX__BATCH", "8", "EMOSTREAM_BOOTSTRAP_SERVERS", "env:9092", "HOME", "/root"),
        Map.of("bootstrap.servers", "flag:9092"));

    assertThat(config.required("bootstrap.servers")).isEqualTo("flag:9092");
    assertThat(config.required("inference.max-batch")).isEqualTo("8");
    assertThat(config.required("num.stream.threads")).isEqualTo("2");
    assertThat(config.asMap()).doesNotContainKey("home");
  }

  @Test
  void shouldMapEnvironmentNamesToKeysAndBack() {
    assertThat(EmostreamConfig.fromEnvironment(Map.of(
        "EMOSTREAM_SCHEMA_REGISTRY_URL", "http://r", "EMOSTREAM_TOPICS_EMOTION_CALL__SUMMARIES", "x")))
        .containsEntry("schema.registry.url", "http://r")
        .containsEntry("topics.emotion.call-summaries", "x");
    assertThat(EmostreamConfig.envName("inference.max-batch")).isEqualTo("EMOSTREAM_INFERENCE_MAX__BATCH");
  }

  @Test
  void shouldPassKafkaSettingsToStreamsAndKeepOwnAndRegistryKeysApart() {
    EmostreamConfig config = EmostreamConfig.of(Map.of(
        "bootstrap.servers", "b:9092", "security.protocol", "SASL_SSL", "schema.registry.url", "http://r",
        "basic.auth.user.info", "u:p", "inference.max-batch", "4"));

    assertThat(config.streamsProperties()).containsKeys("bootstrap.servers", "security.protocol", "application.id")
        .doesNotContainKeys("schema.registry.url", "basic.auth.user.info", "inference.max-batch", "model.location");
    assertThat(config.registryConfig()).containsOnlyKeys("schema.registry.url", "basic.auth.user.info");
  }

  @Test
  void shouldMaskSecretsAndUrlCredentialsWhenPrinted() {
    EmostreamConfig config = EmostreamConfig.of(Map.of(
        "sasl.jaas.config", "org.apache.kafka...PlainLoginModule required username=\"u\" password=\"p\";",
        "ssl.truststore.password", "changeit", "basic.auth.user.info", "user:secret",
        "schema.registry.url", "https://user:pw@registry:8081"));

    assertThat(config.masked())
        .containsEntry("sasl.jaas.config", "****")
        .containsEntry("ssl.truststore.password", "****")
        .containsEntry("basic.auth.user.info", "****")
        .containsEntry("schema.registry.url", "https://****:****@registry:8081");
    assertThat(config.toString()).doesNotContain("changeit", "secret", "pw@");
  }

  @Test
  void shouldNameTheKeyAndHowToSetItWhenARequiredSettingIsMissing() {
    assertThatThrownBy(() -> EmostreamConfig.of(Map.of()).required("bootstrap.servers"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("bootstrap.servers is not set")
        .hasMessageContaining("EMOSTREAM_BOOTSTRAP_SERVERS");
  }

  @Test
  void shouldRejectAMissingConfigFileByPath() {
    assertThatThrownBy(() -> EmostreamConfig.load(dir.resolve("nope.properties"), Map.of(), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("nope.properties");
  }

  @Test
  void shouldRejectNonNumbersAndNonBooleansNamingTheKey() {
    EmostreamConfig config = EmostreamConfig.of(Map.of("topics.partitions", "three", "topics.create", "yes"));
    assertThatThrownBy(() -> config.intValue("topics.partitions")).hasMessageContaining("topics.partitions=three");
    assertThatThrownBy(() -> config.booleanValue("topics.create")).hasMessageContaining("topics.create=yes");
  }
}
