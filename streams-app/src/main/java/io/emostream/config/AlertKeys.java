package io.emostream.config;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * The {@code alerts.*} keys: when an alert opens and resolves. Each rule {@code alerts.<rule>}
 * may be overridden per tenant ({@code alerts.tenant.<tenant>.<rule>}) and per queue
 * ({@code alerts.queue.<queue>.<rule>}); tenant and queue names may contain dots.
 */
public final class AlertKeys {

  public static final String PREFIX = "alerts.";
  public static final String TENANT_PREFIX = "alerts.tenant.";
  public static final String QUEUE_PREFIX = "alerts.queue.";

  public static final String CONSECUTIVE_NEGATIVE_CONFIG = "alerts.consecutive-negative";
  public static final int CONSECUTIVE_NEGATIVE_DEFAULT = 3;
  static final String CONSECUTIVE_NEGATIVE_DOC = "OPEN after this many consecutive ANGRY or SAD utterances.";

  public static final String EWMA_ALPHA_CONFIG = "alerts.ewma-alpha";
  public static final double EWMA_ALPHA_DEFAULT = 0.3;
  static final String EWMA_ALPHA_DOC = "Weight of the newest utterance in the negative-affect EWMA.";

  public static final String EWMA_OPEN_THRESHOLD_CONFIG = "alerts.ewma-open-threshold";
  public static final double EWMA_OPEN_THRESHOLD_DEFAULT = 0.6;
  static final String EWMA_OPEN_THRESHOLD_DOC = "OPEN when the EWMA stays at or above this for alerts.ewma-open-duration.";

  public static final String EWMA_OPEN_DURATION_CONFIG = "alerts.ewma-open-duration";
  public static final String EWMA_OPEN_DURATION_DEFAULT = "10s";
  static final String EWMA_OPEN_DURATION_DOC = "How long (call time) the EWMA must stay high to OPEN.";

  public static final String EWMA_RESOLVE_THRESHOLD_CONFIG = "alerts.ewma-resolve-threshold";
  public static final double EWMA_RESOLVE_THRESHOLD_DEFAULT = 0.35;
  static final String EWMA_RESOLVE_THRESHOLD_DOC = "RESOLVE when the EWMA stays below this for alerts.resolve-duration; "
      + "below the open threshold so alerts do not flap.";

  public static final String RESOLVE_DURATION_CONFIG = "alerts.resolve-duration";
  public static final String RESOLVE_DURATION_DEFAULT = "15s";
  static final String RESOLVE_DURATION_DOC = "How long (call time) the EWMA must stay low to RESOLVE.";

  public static final String COOLDOWN_CONFIG = "alerts.cooldown";
  public static final String COOLDOWN_DEFAULT = "30s";
  static final String COOLDOWN_DOC = "No new alert this long after a RESOLVED.";

  public static final String CALM_UTTERANCES_CONFIG = "alerts.calm-utterances";
  public static final int CALM_UTTERANCES_DEFAULT = 2;
  static final String CALM_UTTERANCES_DOC = "Also RESOLVE after this many consecutive calm utterances; 0 turns it off.";

  public static final String CALM_THRESHOLD_CONFIG = "alerts.calm-threshold";
  public static final double CALM_THRESHOLD_DEFAULT = 0.25;
  static final String CALM_THRESHOLD_DOC = "An utterance is calm when labelled NEUTRAL or HAPPY with ANGRY plus "
      + "SAD probability under this.";

  public static final String MIN_CONFIDENCE_CONFIG = "alerts.min-confidence";
  public static final double MIN_CONFIDENCE_DEFAULT = 0.6;
  static final String MIN_CONFIDENCE_DOC = "ANGRY or SAD utterances scored with a lower confidence are left out "
      + "of every rule.";

  /** Most evidence utterances an alert carries, and so the bound of the utterance counts above. */
  public static final int MAX_EVIDENCE = 20;

  /** Every rule, as the part after {@code alerts.} (and after a tenant's or queue's name). */
  public static final List<String> RULES = List.of(CONSECUTIVE_NEGATIVE_CONFIG, EWMA_ALPHA_CONFIG,
      EWMA_OPEN_THRESHOLD_CONFIG, EWMA_OPEN_DURATION_CONFIG, EWMA_RESOLVE_THRESHOLD_CONFIG, RESOLVE_DURATION_CONFIG,
      COOLDOWN_CONFIG, CALM_UTTERANCES_CONFIG, CALM_THRESHOLD_CONFIG, MIN_CONFIDENCE_CONFIG)
      .stream().map(k -> k.substring(PREFIX.length())).toList();

  private AlertKeys() {}

  /** True for {@code alerts.tenant.<name>.<rule>} and {@code alerts.queue.<name>.<rule>}. */
  public static boolean isOverride(String key) {
    String rest = key.startsWith(TENANT_PREFIX) ? key.substring(TENANT_PREFIX.length())
        : key.startsWith(QUEUE_PREFIX) ? key.substring(QUEUE_PREFIX.length()) : null;
    return rest != null && RULES.stream().anyMatch(r -> rest.endsWith("." + r) && rest.length() > r.length() + 1);
  }

  static ConfigDef define(ConfigDef def) {
    Duration hour = Duration.ofHours(1);
    def.define(CONSECUTIVE_NEGATIVE_CONFIG, Type.INT, CONSECUTIVE_NEGATIVE_DEFAULT,
            Validators.intIn(1, MAX_EVIDENCE), Importance.HIGH, CONSECUTIVE_NEGATIVE_DOC)
        .define(EWMA_ALPHA_CONFIG, Type.DOUBLE, EWMA_ALPHA_DEFAULT, Validators.doubleIn(0.001, 1.0),
            Importance.MEDIUM, EWMA_ALPHA_DOC)
        .define(EWMA_OPEN_THRESHOLD_CONFIG, Type.DOUBLE, EWMA_OPEN_THRESHOLD_DEFAULT, Validators.doubleIn(0.0, 1.0),
            Importance.HIGH, EWMA_OPEN_THRESHOLD_DOC);
    EmostreamConfigDef.duration(def, EWMA_OPEN_DURATION_CONFIG, EWMA_OPEN_DURATION_DEFAULT, Duration.ZERO, hour,
        Importance.HIGH, EWMA_OPEN_DURATION_DOC);
    def.define(EWMA_RESOLVE_THRESHOLD_CONFIG, Type.DOUBLE, EWMA_RESOLVE_THRESHOLD_DEFAULT,
        Validators.doubleIn(0.0, 1.0), Importance.MEDIUM, EWMA_RESOLVE_THRESHOLD_DOC);
    EmostreamConfigDef.duration(def, RESOLVE_DURATION_CONFIG, RESOLVE_DURATION_DEFAULT, Duration.ZERO, hour,
        Importance.MEDIUM, RESOLVE_DURATION_DOC);
    EmostreamConfigDef.duration(def, COOLDOWN_CONFIG, COOLDOWN_DEFAULT, Duration.ZERO, Duration.ofDays(1),
        Importance.MEDIUM, COOLDOWN_DOC);
    return def
        .define(CALM_UTTERANCES_CONFIG, Type.INT, CALM_UTTERANCES_DEFAULT, Validators.intIn(0, MAX_EVIDENCE),
            Importance.MEDIUM, CALM_UTTERANCES_DOC)
        .define(CALM_THRESHOLD_CONFIG, Type.DOUBLE, CALM_THRESHOLD_DEFAULT, Validators.doubleIn(0.0, 1.0),
            Importance.LOW, CALM_THRESHOLD_DOC)
        .define(MIN_CONFIDENCE_CONFIG, Type.DOUBLE, MIN_CONFIDENCE_DEFAULT, Validators.doubleIn(0.0, 1.0),
            Importance.MEDIUM, MIN_CONFIDENCE_DOC);
  }
}
