package io.emostream.serving;

import io.emostream.app.ConfigException;
import io.emostream.app.EmostreamConfig;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
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
 * @param keepAlive      {@code serving.sse.keep-alive-ms}: idle time before the event stream
 *                       sends a comment (default 15 s), so proxies keep the connection open
 * @param clientProps    Kafka client settings (bootstrap, security) for the event stream's
 *                       consumer; never null
 */
public record ServingConfig(boolean enabled, String host, int port, String advertisedHost, String token,
    Duration keepAlive, Properties clientProps) {

  public static final String ENABLED = "serving.enabled";
  public static final String HOST = "serving.host";
  public static final String PORT = "serving.port";
  public static final String ADVERTISED_HOST = "serving.advertised-host";
  public static final String TOKEN = "serving.token";
  public static final String KEEP_ALIVE_MS = "serving.sse.keep-alive-ms";

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

  /** Reads the {@code serving.*} keys of {@code config}. */
  public static ServingConfig from(EmostreamConfig config) {
    String host = config.get(HOST).orElse("127.0.0.1");
    int port = config.get(PORT).map(v -> integer(PORT, v)).orElse(8080);
    Optional<String> enabled = config.get(ENABLED);
    boolean on = enabled.isEmpty() || config.booleanValue(ENABLED);
    long keepAliveMs = config.get(KEEP_ALIVE_MS).map(v -> integer(KEEP_ALIVE_MS, v)).orElse(15_000);
    if (keepAliveMs < 1) {
      throw new ConfigException(KEEP_ALIVE_MS + "=" + keepAliveMs + " must be at least 1");
    }
    return new ServingConfig(on, host, port, config.get(ADVERTISED_HOST).orElse(host),
        config.get(TOKEN).orElse(null), Duration.ofMillis(keepAliveMs), consumerSettings(config));
  }

  /** The consumer settings among the Streams settings (bootstrap servers, SASL, TLS ...). */
  private static Properties consumerSettings(EmostreamConfig config) {
    Map<String, String> picked = new TreeMap<>();
    Properties streams = config.streamsProperties();
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

  private static int integer(String key, String value) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new ConfigException(key + "=" + value + " is not a whole number");
    }
  }

  private static boolean isWildcard(String host) {
    return host == null || host.isBlank() || host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
  }

  /** {@code host:port} for {@code application.server}, given the port actually bound. */
  public String advertised(int boundPort) {
    return advertisedHost + ":" + boundPort;
  }
}
