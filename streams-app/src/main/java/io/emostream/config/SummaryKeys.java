package io.emostream.config;

import java.time.Duration;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/** The {@code summaries.*} keys: what a call summary measures and how long it stays queryable. */
public final class SummaryKeys {

  public static final String START_UTTERANCES_CONFIG = "summaries.start-utterances";
  public static final int START_UTTERANCES_DEFAULT = 3;
  static final String START_UTTERANCES_DOC = "Customer utterances averaged for the start-of-call valence.";

  public static final String END_UTTERANCES_CONFIG = "summaries.end-utterances";
  public static final int END_UTTERANCES_DEFAULT = 3;
  static final String END_UTTERANCES_DOC = "Customer utterances averaged for the end-of-call valence.";

  public static final String PEAKS_CONFIG = "summaries.peaks";
  public static final int PEAKS_DEFAULT = 3;
  static final String PEAKS_DOC = "Most negative moments a summary lists.";

  public static final String ENDED_CALL_RETENTION_CONFIG = "summaries.ended-call-retention";
  public static final String ENDED_CALL_RETENTION_DEFAULT = "1h";
  static final String ENDED_CALL_RETENTION_DOC = "How long an ended call's timeline and summary stay queryable "
      + "through /api/calls/{id}; 0 forgets a call as soon as it ends.";

  private SummaryKeys() {}

  static ConfigDef define(ConfigDef def) {
    def.define(START_UTTERANCES_CONFIG, Type.INT, START_UTTERANCES_DEFAULT, Validators.intIn(1, 100),
            Importance.LOW, START_UTTERANCES_DOC)
        .define(END_UTTERANCES_CONFIG, Type.INT, END_UTTERANCES_DEFAULT, Validators.intIn(1, 100),
            Importance.LOW, END_UTTERANCES_DOC)
        .define(PEAKS_CONFIG, Type.INT, PEAKS_DEFAULT, Validators.intIn(0, 100), Importance.LOW, PEAKS_DOC);
    return EmostreamConfigDef.duration(def, ENDED_CALL_RETENTION_CONFIG, ENDED_CALL_RETENTION_DEFAULT,
        Duration.ZERO, Duration.ofDays(7), Importance.LOW, ENDED_CALL_RETENTION_DOC);
  }
}
