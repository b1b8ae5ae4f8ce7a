package io.emostream.schemas.registry;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * Settings of {@link HttpSchemaRegistryClient}, under the keys Confluent's clients use so that an
 * existing producer/consumer/streams properties file works unchanged, plus our own retry and
 * timeout keys (prefixed {@code schema.registry.}).
 *
 * <p>Validated eagerly: a missing URL, an unknown credentials source or a malformed
 * {@code user:password} fails construction with a {@link ConfigException} that names the key
 * and says how to fix it. Unknown keys are ignored, so the whole application config can be
 * passed in.
 */
public final class SchemaRegistryClientConfig extends AbstractConfig {

  public static final String URL_CONFIG = "schema.registry.url";
  private static final String URL_DOC =
      "Comma-separated base URLs of the schema registry (Confluent REST API). Tried in order, "
          + "failing over on connection errors and 5xx. May include a path, e.g. Apicurio's "
          + "http://host:8080/apis/ccompat/v7, and user:password@ for basic auth.";

  public static final String BASIC_AUTH_CREDENTIALS_SOURCE_CONFIG =
      "basic.auth.credentials.source";
  public static final String BASIC_AUTH_CREDENTIALS_SOURCE_DEFAULT = "URL";
  private static final String BASIC_AUTH_CREDENTIALS_SOURCE_DOC =
      "Where basic-auth credentials come from: URL (user:password@ in schema.registry.url; no "
          + "auth when absent) or USER_INFO (basic.auth.user.info).";

  public static final String BASIC_AUTH_USER_INFO_CONFIG = "basic.auth.user.info";
  private static final String BASIC_AUTH_USER_INFO_DOC =
      "user:password for basic auth when basic.auth.credentials.source=USER_INFO.";

  public static final String BEARER_AUTH_CREDENTIALS_SOURCE_CONFIG =
      "bearer.auth.credentials.source";
  private static final String BEARER_AUTH_CREDENTIALS_SOURCE_DOC =
      "STATIC_TOKEN to send bearer.auth.token as 'Authorization: Bearer'; empty for none.";

  public static final String BEARER_AUTH_TOKEN_CONFIG = "bearer.auth.token";
  private static final String BEARER_AUTH_TOKEN_DOC =
      "The bearer token used with bearer.auth.credentials.source=STATIC_TOKEN.";

  public static final String SSL_TRUSTSTORE_LOCATION_CONFIG =
      "schema.registry.ssl.truststore.location";
  public static final String SSL_TRUSTSTORE_PASSWORD_CONFIG =
      "schema.registry.ssl.truststore.password";
  public static final String SSL_TRUSTSTORE_TYPE_CONFIG = "schema.registry.ssl.truststore.type";
  public static final String SSL_KEYSTORE_LOCATION_CONFIG =
      "schema.registry.ssl.keystore.location";
  public static final String SSL_KEYSTORE_PASSWORD_CONFIG =
      "schema.registry.ssl.keystore.password";
  public static final String SSL_KEYSTORE_TYPE_CONFIG = "schema.registry.ssl.keystore.type";
  public static final String SSL_KEY_PASSWORD_CONFIG = "schema.registry.ssl.key.password";
  public static final String SSL_STORE_TYPE_DEFAULT = "PKCS12";

  public static final String CONNECT_TIMEOUT_MS_CONFIG = "schema.registry.connect.timeout.ms";
  public static final int CONNECT_TIMEOUT_MS_DEFAULT = 3_000;
  private static final String CONNECT_TIMEOUT_MS_DOC =
      "How long to wait for a TCP/TLS connection to one registry URL before trying the next.";

  public static final String REQUEST_TIMEOUT_MS_CONFIG = "schema.registry.request.timeout.ms";
  public static final int REQUEST_TIMEOUT_MS_DEFAULT = 10_000;
  private static final String REQUEST_TIMEOUT_MS_DOC =
      "How long to wait for the registry's answer to one request.";

  public static final String MAX_RETRIES_CONFIG = "schema.registry.max.retries";
  public static final int MAX_RETRIES_DEFAULT = 3;
  private static final String MAX_RETRIES_DOC =
      "Extra rounds over all URLs after connection errors or 5xx answers (0: one round only).";

  public static final String RETRY_BACKOFF_MS_CONFIG = "schema.registry.retry.backoff.ms";
  public static final int RETRY_BACKOFF_MS_DEFAULT = 100;
  private static final String RETRY_BACKOFF_MS_DOC =
      "Wait before the first retry round; doubled every round up to "
          + "schema.registry.retry.backoff.max.ms.";

  public static final String RETRY_BACKOFF_MAX_MS_CONFIG = "schema.registry.retry.backoff.max.ms";
  public static final int RETRY_BACKOFF_MAX_MS_DEFAULT = 2_000;
  private static final String RETRY_BACKOFF_MAX_MS_DOC = "Upper bound of the retry backoff.";

  public static final String LATEST_CACHE_TTL_SEC_CONFIG = "latest.cache.ttl.sec";
  public static final int LATEST_CACHE_TTL_SEC_DEFAULT = 60;
  private static final String LATEST_CACHE_TTL_SEC_DOC =
      "How long a subject's latest version is cached (use.latest.version); 0 disables caching.";

  private static final ConfigDef CONFIG_DEF = configDef();

  private final List<RegistryEndpoint> endpoints;

  /**
   * Parses and validates {@code props}.
   *
   * @throws ConfigException naming the bad key and the fix
   */
  public SchemaRegistryClientConfig(Map<String, ?> props) {
    super(CONFIG_DEF, props, false);
    this.endpoints = resolveEndpoints();
  }

  /** The key definitions, for documentation and for configs that embed these keys. */
  public static ConfigDef configDef() {
    return new ConfigDef()
        .define(URL_CONFIG, Type.LIST, List.of(), Importance.HIGH, URL_DOC)
        .define(BASIC_AUTH_CREDENTIALS_SOURCE_CONFIG, Type.STRING,
            BASIC_AUTH_CREDENTIALS_SOURCE_DEFAULT,
            ConfigDef.CaseInsensitiveValidString.in("URL", "USER_INFO"),
            Importance.MEDIUM, BASIC_AUTH_CREDENTIALS_SOURCE_DOC)
        .define(BASIC_AUTH_USER_INFO_CONFIG, Type.PASSWORD, null, Importance.MEDIUM,
            BASIC_AUTH_USER_INFO_DOC)
        .define(BEARER_AUTH_CREDENTIALS_SOURCE_CONFIG, Type.STRING, "",
            ConfigDef.CaseInsensitiveValidString.in("", "STATIC_TOKEN"),
            Importance.MEDIUM, BEARER_AUTH_CREDENTIALS_SOURCE_DOC)
        .define(BEARER_AUTH_TOKEN_CONFIG, Type.PASSWORD, null, Importance.MEDIUM,
            BEARER_AUTH_TOKEN_DOC)
        .define(SSL_TRUSTSTORE_LOCATION_CONFIG, Type.STRING, null, Importance.LOW,
            "Trust store with the registry's CA; the JVM default trust applies when unset.")
        .define(SSL_TRUSTSTORE_PASSWORD_CONFIG, Type.PASSWORD, null, Importance.LOW,
            "Password of the trust store.")
        .define(SSL_TRUSTSTORE_TYPE_CONFIG, Type.STRING, SSL_STORE_TYPE_DEFAULT, Importance.LOW,
            "Trust store format: PKCS12 or JKS.")
        .define(SSL_KEYSTORE_LOCATION_CONFIG, Type.STRING, null, Importance.LOW,
            "Key store with the client certificate for mutual TLS.")
        .define(SSL_KEYSTORE_PASSWORD_CONFIG, Type.PASSWORD, null, Importance.LOW,
            "Password of the key store.")
        .define(SSL_KEYSTORE_TYPE_CONFIG, Type.STRING, SSL_STORE_TYPE_DEFAULT, Importance.LOW,
            "Key store format: PKCS12 or JKS.")
        .define(SSL_KEY_PASSWORD_CONFIG, Type.PASSWORD, null, Importance.LOW,
            "Password of the private key, when it differs from the key store's.")
        .define(CONNECT_TIMEOUT_MS_CONFIG, Type.INT, CONNECT_TIMEOUT_MS_DEFAULT, Range.atLeast(1),
            Importance.LOW, CONNECT_TIMEOUT_MS_DOC)
        .define(REQUEST_TIMEOUT_MS_CONFIG, Type.INT, REQUEST_TIMEOUT_MS_DEFAULT, Range.atLeast(1),
            Importance.LOW, REQUEST_TIMEOUT_MS_DOC)
        .define(MAX_RETRIES_CONFIG, Type.INT, MAX_RETRIES_DEFAULT, Range.between(0, 100),
            Importance.LOW, MAX_RETRIES_DOC)
        .define(RETRY_BACKOFF_MS_CONFIG, Type.INT, RETRY_BACKOFF_MS_DEFAULT, Range.atLeast(0),
            Importance.LOW, RETRY_BACKOFF_MS_DOC)
        .define(RETRY_BACKOFF_MAX_MS_CONFIG, Type.INT, RETRY_BACKOFF_MAX_MS_DEFAULT,
            Range.atLeast(0), Importance.LOW, RETRY_BACKOFF_MAX_MS_DOC)
        .define(LATEST_CACHE_TTL_SEC_CONFIG, Type.INT, LATEST_CACHE_TTL_SEC_DEFAULT,
            Range.atLeast(0), Importance.LOW, LATEST_CACHE_TTL_SEC_DOC);
  }

  /** The registry URLs in failover order, each with the Authorization header to send. */
  public List<RegistryEndpoint> endpoints() {
    return endpoints;
  }

  public Duration connectTimeout() {
    return Duration.ofMillis(getInt(CONNECT_TIMEOUT_MS_CONFIG));
  }

  public Duration requestTimeout() {
    return Duration.ofMillis(getInt(REQUEST_TIMEOUT_MS_CONFIG));
  }

  public int maxRetries() {
    return getInt(MAX_RETRIES_CONFIG);
  }

  public Duration retryBackoff() {
    return Duration.ofMillis(getInt(RETRY_BACKOFF_MS_CONFIG));
  }

  public Duration retryBackoffMax() {
    return Duration.ofMillis(getInt(RETRY_BACKOFF_MAX_MS_CONFIG));
  }

  public Duration latestCacheTtl() {
    return Duration.ofSeconds(getInt(LATEST_CACHE_TTL_SEC_CONFIG));
  }

  /** Trust and key store settings, for {@link RegistrySslContexts}. */
  public RegistrySslContexts.StoreSettings sslStores() {
    return new RegistrySslContexts.StoreSettings(
        getString(SSL_TRUSTSTORE_LOCATION_CONFIG), password(SSL_TRUSTSTORE_PASSWORD_CONFIG),
        getString(SSL_TRUSTSTORE_TYPE_CONFIG),
        getString(SSL_KEYSTORE_LOCATION_CONFIG), password(SSL_KEYSTORE_PASSWORD_CONFIG),
        getString(SSL_KEYSTORE_TYPE_CONFIG), password(SSL_KEY_PASSWORD_CONFIG));
  }

  private String password(String key) {
    Password p = getPassword(key);
    return p == null ? null : p.value();
  }

  private List<RegistryEndpoint> resolveEndpoints() {
    List<String> raw = getList(URL_CONFIG).stream().map(String::trim)
        .filter(s -> !s.isEmpty()).toList();
    if (raw.isEmpty()) {
      throw new ConfigException(URL_CONFIG + " is missing: set it to the schema registry's base "
          + "URL, e.g. http://localhost:8081 (Apicurio: http://localhost:8080/apis/ccompat/v7); "
          + "several URLs may be given comma-separated.");
    }
    String bearer = bearerHeader();
    String basicSource = getString(BASIC_AUTH_CREDENTIALS_SOURCE_CONFIG).toUpperCase(Locale.ROOT);
    String configuredBasic = "USER_INFO".equals(basicSource) ? userInfoHeader() : null;
    if (bearer != null && configuredBasic != null) {
      throw new ConfigException(BEARER_AUTH_CREDENTIALS_SOURCE_CONFIG + " and "
          + BASIC_AUTH_CREDENTIALS_SOURCE_CONFIG + "=USER_INFO are both set: choose one "
          + "authentication method and remove the other's keys.");
    }
    List<RegistryEndpoint> result = new ArrayList<>();
    for (String url : raw) {
      URI uri = parseUrl(url);
      String urlBasic = uri.getRawUserInfo() == null ? null
          : BasicAuth.header(URL_CONFIG, decode(uri.getRawUserInfo()));
      String auth = bearer != null ? bearer : configuredBasic != null ? configuredBasic : urlBasic;
      result.add(new RegistryEndpoint(stripUserInfoAndSlash(uri), auth));
    }
    return List.copyOf(result);
  }

  private String userInfoHeader() {
    String userInfo = password(BASIC_AUTH_USER_INFO_CONFIG);
    if (userInfo == null || userInfo.isEmpty()) {
      throw new ConfigException(BASIC_AUTH_USER_INFO_CONFIG + " is missing while "
          + BASIC_AUTH_CREDENTIALS_SOURCE_CONFIG + "=USER_INFO: set it to user:password, or set "
          + BASIC_AUTH_CREDENTIALS_SOURCE_CONFIG + "=URL to take credentials from the URL.");
    }
    return BasicAuth.header(BASIC_AUTH_USER_INFO_CONFIG, userInfo);
  }

  private String bearerHeader() {
    String source = getString(BEARER_AUTH_CREDENTIALS_SOURCE_CONFIG);
    String token = password(BEARER_AUTH_TOKEN_CONFIG);
    boolean staticToken = "STATIC_TOKEN".equalsIgnoreCase(source);
    if (!staticToken && (token == null || token.isEmpty())) {
      return null;
    }
    if (token == null || token.isBlank()) {
      throw new ConfigException(BEARER_AUTH_TOKEN_CONFIG + " is missing while "
          + BEARER_AUTH_CREDENTIALS_SOURCE_CONFIG + "=STATIC_TOKEN: set it to the token, or "
          + "remove " + BEARER_AUTH_CREDENTIALS_SOURCE_CONFIG + " to disable bearer auth.");
    }
    return "Bearer " + token.trim();
  }

  private static URI parseUrl(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new ConfigException(URL_CONFIG, url,
          "not a URL (" + e.getReason() + "); use e.g. http://host:8081");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new ConfigException(URL_CONFIG, url,
          "the scheme must be http or https, e.g. http://host:8081");
    }
    if (uri.getHost() == null) {
      throw new ConfigException(URL_CONFIG, url, "no host in the URL; use e.g. http://host:8081");
    }
    return uri;
  }

  private static String stripUserInfoAndSlash(URI uri) {
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
    return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost() + port + path;
  }

  private static String decode(String raw) {
    return java.net.URLDecoder.decode(raw.replace("+", "%2B"),
        java.nio.charset.StandardCharsets.UTF_8);
  }
}
