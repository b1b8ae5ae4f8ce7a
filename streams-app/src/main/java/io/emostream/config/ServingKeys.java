package io.emostream.config;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/** The {@code serving.*} keys: the HTTP server (REST API, event stream, dashboard, health, metrics). */
public final class ServingKeys {

  public static final String ENABLED_CONFIG = "serving.enabled";
  public static final boolean ENABLED_DEFAULT = true;
  static final String ENABLED_DOC = "Serve the REST API, event stream, dashboard, /health and /metrics.";

  public static final String HOST_CONFIG = "serving.host";
  public static final String HOST_DEFAULT = "127.0.0.1";
  static final String HOST_DOC = "Address to bind; the default exposes nothing beyond this machine.";

  public static final String PORT_CONFIG = "serving.port";
  public static final int PORT_DEFAULT = 8080;
  static final String PORT_DOC = "Port to bind; 0 picks a free port.";

  public static final String ADVERTISED_HOST_CONFIG = "serving.advertised-host";
  static final String ADVERTISED_HOST_DOC = "Host other instances and clients reach this one at (put into "
      + "application.server); unset: serving.host, which must then not be a wildcard address.";

  public static final String TOKEN_CONFIG = "serving.token";
  static final String TOKEN_DOC = "Bearer token every endpoint but /health requires; unset: none.";

  public static final String KEEP_ALIVE_CONFIG = "serving.sse.keep-alive";
  public static final String KEEP_ALIVE_DEFAULT = "15s";
  static final String KEEP_ALIVE_DOC = "Idle time before the event stream sends a comment, so proxies keep "
      + "the connection open.";

  /** The former integer-millisecond spelling of {@link #KEEP_ALIVE_CONFIG}. */
  static final Map<String, String> DEPRECATED = Map.of("serving.sse.keep-alive-ms", KEEP_ALIVE_CONFIG);

  private ServingKeys() {}

  static ConfigDef define(ConfigDef def) {
    def.define(ENABLED_CONFIG, Type.BOOLEAN, ENABLED_DEFAULT, Importance.MEDIUM, ENABLED_DOC)
        .define(HOST_CONFIG, Type.STRING, HOST_DEFAULT, Importance.MEDIUM, HOST_DOC)
        .define(PORT_CONFIG, Type.INT, PORT_DEFAULT, Validators.intIn(0, 65_535), Importance.MEDIUM, PORT_DOC)
        .define(ADVERTISED_HOST_CONFIG, Type.STRING, null, Importance.MEDIUM, ADVERTISED_HOST_DOC)
        .define(TOKEN_CONFIG, Type.PASSWORD, null, Importance.HIGH, TOKEN_DOC);
    return EmostreamConfigDef.duration(def, KEEP_ALIVE_CONFIG, KEEP_ALIVE_DEFAULT, Duration.ofMillis(1),
        Duration.ofHours(1), Importance.LOW, KEEP_ALIVE_DOC);
  }
}
