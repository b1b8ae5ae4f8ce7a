package io.emostream.config;

import java.time.Duration;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/** The {@code rollups.*} keys: per-call smoothing and the per-agent and per-queue windows. */
public final class RollupKeys {

  public static final String EWMA_ALPHA_CONFIG = "rollups.ewma-alpha";
  public static final double EWMA_ALPHA_DEFAULT = 0.3;
  static final String EWMA_ALPHA_DOC = "Weight of the newest utterance in a call's EWMAs, in (0, 1].";

  public static final String WINDOW_UTTERANCES_CONFIG = "rollups.window-utterances";
  public static final int WINDOW_UTTERANCES_DEFAULT = 10;
  static final String WINDOW_UTTERANCES_DOC = "Recent utterances a call's window statistics cover.";

  public static final String TREND_THRESHOLD_CONFIG = "rollups.trend-threshold";
  public static final double TREND_THRESHOLD_DEFAULT = 0.05;
  static final String TREND_THRESHOLD_DOC = "Valence slope per utterance beyond which the trend is IMPROVING "
      + "or WORSENING rather than STABLE.";

  public static final String WINDOW_SIZE_CONFIG = "rollups.group-window.size";
  public static final String WINDOW_SIZE_DEFAULT = "5m";
  static final String WINDOW_SIZE_DOC = "Length of the per-agent and per-queue hopping windows.";

  public static final String WINDOW_ADVANCE_CONFIG = "rollups.group-window.advance";
  public static final String WINDOW_ADVANCE_DEFAULT = "1m";
  static final String WINDOW_ADVANCE_DOC = "Hop between window starts, at most the size.";

  public static final String WINDOW_GRACE_CONFIG = "rollups.group-window.grace";
  public static final String WINDOW_GRACE_DEFAULT = "30s";
  static final String WINDOW_GRACE_DOC = "How late an utterance may arrive and still count; a window is emitted "
      + "once stream time passes its end plus this.";

  private RollupKeys() {}

  static ConfigDef define(ConfigDef def) {
    def.define(EWMA_ALPHA_CONFIG, Type.DOUBLE, EWMA_ALPHA_DEFAULT, Validators.doubleIn(0.001, 1.0),
            Importance.MEDIUM, EWMA_ALPHA_DOC)
        .define(WINDOW_UTTERANCES_CONFIG, Type.INT, WINDOW_UTTERANCES_DEFAULT, Validators.intIn(1, 1000),
            Importance.MEDIUM, WINDOW_UTTERANCES_DOC)
        .define(TREND_THRESHOLD_CONFIG, Type.DOUBLE, TREND_THRESHOLD_DEFAULT, Validators.doubleIn(0.0, 2.0),
            Importance.LOW, TREND_THRESHOLD_DOC);
    Duration second = Duration.ofSeconds(1);
    Duration day = Duration.ofDays(1);
    EmostreamConfigDef.duration(def, WINDOW_SIZE_CONFIG, WINDOW_SIZE_DEFAULT, second, day, Importance.MEDIUM,
        WINDOW_SIZE_DOC);
    EmostreamConfigDef.duration(def, WINDOW_ADVANCE_CONFIG, WINDOW_ADVANCE_DEFAULT, second, day, Importance.MEDIUM,
        WINDOW_ADVANCE_DOC);
    return EmostreamConfigDef.duration(def, WINDOW_GRACE_CONFIG, WINDOW_GRACE_DEFAULT, Duration.ZERO, day,
        Importance.LOW, WINDOW_GRACE_DOC);
  }
}
