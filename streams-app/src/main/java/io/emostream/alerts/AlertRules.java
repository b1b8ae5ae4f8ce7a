package io.emostream.alerts;

import io.emostream.config.AlertKeys;
import io.emostream.config.EmostreamSettings;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * When an alert opens and resolves, for one tenant or queue or by default.
 *
 * @param consecutiveNegative   OPEN after this many consecutive ANGRY/SAD utterances
 *                              ({@code consecutive-negative}, default 3)
 * @param ewmaAlpha             weight of the newest utterance in the negative-affect EWMA
 *                              ({@code ewma-alpha}, default 0.3)
 * @param ewmaOpenThreshold     OPEN when the EWMA stays at or above this ...
 *                              ({@code ewma-open-threshold}, default 0.6)
 * @param ewmaOpenDuration      ... for this long in call time ({@code ewma-open-duration}, 10 s)
 * @param ewmaResolveThreshold  RESOLVE when the EWMA stays below this, lower than the open
 *                              threshold so the alert does not flap ({@code ewma-resolve-threshold}, 0.35)
 * @param resolveDuration       ... for this long in call time ({@code resolve-duration}, 15 s)
 * @param cooldown              no new episode this long after a RESOLVED ({@code cooldown}, 30 s)
 * @param calmUtterances        also RESOLVE (the speaker calmed down) after this many consecutive
 *                              calm utterances ({@code calm-utterances}, default 2; 0 turns it off)
 * @param calmThreshold         an utterance is calm when its label is NEUTRAL or HAPPY and its
 *                              ANGRY plus SAD probability is under this ({@code calm-threshold}, 0.25);
 *                              stricter than the EWMA's resolve threshold because one utterance is noisier
 *                              than an average
 * @param minConfidence         ANGRY or SAD utterances scored with a lower confidence are left out of
 *                              every rule ({@code min-confidence}, default 0.6): a model unsure of its
 *                              label (audio it cannot read, a one-word transcript) must not page anyone;
 *                              likewise an unsure NEUTRAL or HAPPY that is not calm does not break a
 *                              run of negative utterances
 */
public record AlertRules(
    int consecutiveNegative,
    double ewmaAlpha,
    double ewmaOpenThreshold,
    Duration ewmaOpenDuration,
    double ewmaResolveThreshold,
    Duration resolveDuration,
    Duration cooldown,
    int calmUtterances,
    double calmThreshold,
    double minConfidence) {

  public static final String PREFIX = AlertKeys.PREFIX;
  public static final String CONSECUTIVE_NEGATIVE = "consecutive-negative";
  public static final String EWMA_ALPHA = "ewma-alpha";
  public static final String EWMA_OPEN_THRESHOLD = "ewma-open-threshold";
  public static final String EWMA_OPEN_DURATION = "ewma-open-duration";
  public static final String EWMA_RESOLVE_THRESHOLD = "ewma-resolve-threshold";
  public static final String RESOLVE_DURATION = "resolve-duration";
  public static final String COOLDOWN = "cooldown";
  public static final String CALM_UTTERANCES = "calm-utterances";
  public static final String CALM_THRESHOLD = "calm-threshold";
  public static final String MIN_CONFIDENCE = "min-confidence";

  /** Every rule key, without the {@code alerts.} prefix. */
  public static final List<String> KEYS = AlertKeys.RULES;

  public static final AlertRules DEFAULT = from(EmostreamSettings.defaults());

  public AlertRules {
    Objects.requireNonNull(ewmaOpenDuration, "ewmaOpenDuration");
    Objects.requireNonNull(resolveDuration, "resolveDuration");
    Objects.requireNonNull(cooldown, "cooldown");
    if (ewmaResolveThreshold >= ewmaOpenThreshold) {
      throw new IllegalArgumentException("alerts." + EWMA_RESOLVE_THRESHOLD + " (" + ewmaResolveThreshold
          + ") must be below alerts." + EWMA_OPEN_THRESHOLD + " (" + ewmaOpenThreshold
          + "): the gap between them is what stops alerts flapping");
    }
  }

  /** The default rules ({@code alerts.<rule>}) of {@code settings}. */
  static AlertRules from(EmostreamSettings settings) {
    return new AlertRules(
        settings.getInt(AlertKeys.CONSECUTIVE_NEGATIVE_CONFIG),
        settings.getDouble(AlertKeys.EWMA_ALPHA_CONFIG),
        settings.getDouble(AlertKeys.EWMA_OPEN_THRESHOLD_CONFIG),
        settings.getDuration(AlertKeys.EWMA_OPEN_DURATION_CONFIG),
        settings.getDouble(AlertKeys.EWMA_RESOLVE_THRESHOLD_CONFIG),
        settings.getDuration(AlertKeys.RESOLVE_DURATION_CONFIG),
        settings.getDuration(AlertKeys.COOLDOWN_CONFIG),
        settings.getInt(AlertKeys.CALM_UTTERANCES_CONFIG),
        settings.getDouble(AlertKeys.CALM_THRESHOLD_CONFIG),
        settings.getDouble(AlertKeys.MIN_CONFIDENCE_CONFIG));
  }

}
