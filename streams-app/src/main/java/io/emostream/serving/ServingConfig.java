package io.emostream.serving;

import io.emostream.common.FeatureApi;
import io.emostream.config.ConfigException;
import io.emostream.config.EmostreamSettings;
import io.emostream.config.ServingKeys;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * Settings of the HTTP server (REST API, event stream, dashboard, health and metrics).
 *
 * @param enabled        {@code serving.enabled} (default true)
 * @param host           {@code serving.host}: address to bind (default 127.0.0.1, so nothing is
 *                       exposed unless asked for)
 * @param port           {@code serving.port} (default 8080; 0 picks a free port)
 * @param advertisedHost {@code serving.advertised-host}: the host other instances reach this one
 *                       at, put into {@code application.server}; defaults to {@code host}, and
 *                       must be set when binding a wildcard address
 * @param token          {@code serving.token}: bearer token required on every endpoint but
 *                       {@code /health}, or null for none
 * @param keepAlive      {@code serving.sse.keep-alive}: idle time before the event stream
 *                       sends a comment (default 15 s), so proxies keep the connection open
 * @param clientProps    Kafka client settings (bootstrap, security) for the event stream's
 *                       consumer; never null
 */
@FeatureApi
public record ServingConfig(boolean enabled, String host, int port, String advertisedHost, String token,
    Duration keepAlive, Properties clientProps) {

  public static final String ENABLED = ServingKeys.ENABLED_CONFIG;
  public static final String HOST = ServingKeys.HOST_CONFIG;
  public static final String PORT = ServingKeys.PORT_CONFIG;
  public static final String ADVERTISED_HOST = ServingKeys.ADVERTISED_HOST_CONFIG;
  public static final String TOKEN = ServingKeys.TOKEN_CONFIG;
  public static final String KEEP_ALIVE = ServingKeys.KEEP_ALIVE_CONFIG;

  public ServingConfig {
    if (port < 0 || port > 65_535) {
      throw new ConfigException(PORT + "=" + port + " is not a port: use 0..65535 (0 picks a free port)");
    }
    if (isWildcard(advertisedHost)) {
      throw new ConfigException(HOST + "=" + host + " binds every interface: set " + ADVERTISED_HOST
          + " to the host name other instances and clients reach this one at");
    }
    token = token == null || token.isBlank() ? null : token;
    Properties copy = new Properties();
    copy.putAll(clientProps);
    clientProps = copy;
  }

  /**
   * Reads the {@code serving.*} keys of {@code s}.
   *
   * @param streams the app's Kafka Streams properties, whose consumer settings the event stream's
   *                consumer reuses
   */
  public static ServingConfig from(EmostreamSettings s, Properties streams) {
    String host = s.getString(HOST);
    String advertised = s.getString(ADVERTISED_HOST);
    return new ServingConfig(s.getBoolean(ENABLED), host, s.getInt(PORT), advertised == null ? host : advertised,
        s.getSecret(TOKEN), s.getDuration(KEEP_ALIVE), consumerSettings(streams));
  }

  /** The consumer settings among the Streams settings (bootstrap servers, SASL, TLS ...). */
  private static Properties consumerSettings(Properties streams) {
    Map<String, String> picked = new TreeMap<>();
    for (String key : streams.stringPropertyNames()) {
      if (ConsumerConfig.configNames().contains(key) && !key.equals(ConsumerConfig.GROUP_ID_CONFIG)
          && !key.equals(ConsumerConfig.CLIENT_ID_CONFIG)) {
        picked.put(key, streams.getProperty(key));
      }
    }
    Properties out = new Properties();
    out.putAll(picked);
    return out;
  }

  private static boolean isWildcard(String host) {
    return host == null || host.isBlank() || host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
  }

  /** {@code host:port} for {@code application.server}, given the port actually bound. */
  public String advertised(int boundPort) {
    return advertisedHost + ":" + boundPort;
  }
}
