package io.emostream.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaRegistryClientConfigTest {

  @Test
  void shouldRejectMissingUrl() {
    assertThatThrownBy(() -> new SchemaRegistryClientConfig(Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("schema.registry.url is missing")
        .hasMessageContaining("http://localhost:8081");
  }

  @Test
  void shouldRejectBlankUrl() {
    assertThatThrownBy(() -> new SchemaRegistryClientConfig(Map.of("schema.registry.url", " ")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("schema.registry.url");
  }

  @Test
  void shouldRejectUrlWithoutHttpScheme() {
    assertThatThrownBy(() -> new SchemaRegistryClientConfig(
        Map.of("schema.registry.url", "localhost:8081")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("schema.registry.url").hasMessageContaining("http or https");
  }

  @Test
  void shouldParseSeveralUrlsKeepingPathsAndDroppingUserInfoAndTrailingSlash() {
    SchemaRegistryClientConfig config = new SchemaRegistryClientConfig(Map.of(
        "schema.registry.url", "http://u:p@a:8080/apis/ccompat/v7/, https://b:8081"));

    assertThat(config.endpoints()).extracting(RegistryEndpoint::baseUrl)
        .containsExactly("http://a:8080/apis/ccompat/v7", "https://b:8081");
    assertThat(config.endpoints().get(0).authorization()).startsWith("Basic ");
    assertThat(config.endpoints().get(1).authorization()).isNull();
  }

  @Test
  void shouldRejectUserInfoSourceWithoutUserInfo() {
    assertThatThrownBy(() -> new SchemaRegistryClientConfig(Map.of(
        "schema.registry.url", "http://a:8081", "basic.auth.credentials.source", "USER_INFO")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("basic.auth.user.info is missing")
        .hasMessageContaining("user:password");
  }

  @Test
  void shouldRejectUserInfoWithoutColon() {
    assertThatThrownBy(() -> new SchemaRegistryClientConfig(Map.of(
        "schema.registry.url", "http://a:8081", "basic.auth.credentials.source", "USER_INFO",
        "basic.auth.user.info", "alice")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("basic.auth.user.info must be user:password");
  }

  @Test
  void shouldRejectUnsupportedCredentialsSource() {
    assertThatThrownBy(() -> new SchemaRegistryClientConfig(Map.of(
        "schema.registry.url", "http://a:8081", "basic.auth.credentials.source",
        "SASL_INHERIT")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("basic.auth.credentials.source").hasMessageContaining("USER_INFO");
  }

  @Test
  void shouldRejectStaticTokenSourceWithoutToken() {
    assertThatThrownBy(() -> new SchemaRegistryClientConfig(Map.of(
        "schema.registry.url", "http://a:8081", "bearer.auth.credentials.source",
        "STATIC_TOKEN")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("bearer.auth.token is missing");
  }

  @Test
  void shouldRejectBasicAndBearerTogether() {
    assertThatThrownBy(() -> new SchemaRegistryClientConfig(Map.of(
        "schema.registry.url", "http://a:8081", "basic.auth.credentials.source", "USER_INFO",
        "basic.auth.user.info", "a:b", "bearer.auth.credentials.source", "STATIC_TOKEN",
        "bearer.auth.token", "t")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("choose one");
  }

  @Test
  void shouldRejectNegativeRetries() {
    assertThatThrownBy(() -> new SchemaRegistryClientConfig(Map.of(
        "schema.registry.url", "http://a:8081", "schema.registry.max.retries", "-1")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("schema.registry.max.retries");
  }

  @Test
  void shouldRejectMissingTruststoreFileNamingKeyAndPath() {
    SchemaRegistryClientConfig config = new SchemaRegistryClientConfig(Map.of(
        "schema.registry.url", "https://a:8081",
        "schema.registry.ssl.truststore.location", "/nonexistent/trust.p12"));

    assertThatThrownBy(() -> RegistrySslContexts.create(config.sslStores()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("schema.registry.ssl.truststore.location")
        .hasMessageContaining("/nonexistent/trust.p12");
  }

  @Test
  void shouldBuildTlsContextFromConfiguredTruststore(@TempDir Path dir) throws Exception {
    Path trust = dir.resolve("trust.p12");
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    try (var out = Files.newOutputStream(trust)) {
      store.store(out, "changeit".toCharArray());
    }
    SchemaRegistryClientConfig config = new SchemaRegistryClientConfig(Map.of(
        "schema.registry.url", "https://a:8081",
        "schema.registry.ssl.truststore.location", trust.toString(),
        "schema.registry.ssl.truststore.password", "changeit"));

    assertThat(RegistrySslContexts.create(config.sslStores()).getProtocol()).isEqualTo("TLS");
    assertThatThrownBy(() -> RegistrySslContexts.create(new SchemaRegistryClientConfig(Map.of(
        "schema.registry.url", "https://a:8081",
        "schema.registry.ssl.truststore.location", trust.toString(),
        "schema.registry.ssl.truststore.password", "wrong")).sslStores()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("password");
  }

  @Test
  void shouldUseJvmDefaultTlsWhenNoStoresConfigured() throws Exception {
    SchemaRegistryClientConfig config =
        new SchemaRegistryClientConfig(Map.of("schema.registry.url", "https://a:8081"));

    assertThat(RegistrySslContexts.create(config.sslStores()))
        .isSameAs(javax.net.ssl.SSLContext.getDefault());
  }
}
