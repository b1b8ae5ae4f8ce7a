package io.emostream.alerts;

import io.emostream.avro.EmotionLabel;
import io.emostream.common.FeatureApi;
import java.util.List;

/**
 * The alert state machine's memory for one role in one call. Immutable; stored as JSON.
 *
 * @param count               utterances seen
 * @param ewmaNegative        EWMA of ANGRY plus SAD probability
 * @param negativeRun         the current run of consecutive negative utterances (capped)
 * @param aboveSinceMs        call time the EWMA went at or above the open threshold, or null
 * @param aboveEvidence       utterances since then (capped)
 * @param episodes            alert episodes opened so far in the call (numbers the alert ids)
 * @param open                the open episode, or null when none is open
 * @param belowSinceMs        while open: call time the EWMA fell below the resolve threshold, or null
 * @param belowEvidence       utterances since then (capped)
 * @param cooldownUntilMs     call time before which no new episode may open
 * @param lastEndMs           call time of the end of the latest utterance
 * @param calmRun             while open: the current run of consecutive calm utterances (capped)
 * @param recent              the role's latest utterances in call order (capped), so that one
 *                            arriving late (the assembler emits out of call order when audio is
 *                            late) is judged where it belongs in the call
 */
@FeatureApi
public record AlertState(
    long count,
    double ewmaNegative,
    List<Evidence> negativeRun,
    Long aboveSinceMs,
    List<Evidence> aboveEvidence,
    int episodes,
    OpenEpisode open,
    Long belowSinceMs,
    List<Evidence> belowEvidence,
    long cooldownUntilMs,
    long lastEndMs,
    List<Evidence> calmRun,
    List<Seen> recent) {

  /** Most evidence ids an alert carries or the state keeps per list. */
  static final int MAX_EVIDENCE = io.emostream.config.AlertKeys.MAX_EVIDENCE;

  /** One utterance that counts as evidence. */
  public record Evidence(String utteranceId, EmotionLabel label, long endMs) {}

  /**
   * One utterance of the role as the alert logic saw it.
   *
   * @param holdsRun a NEUTRAL or HAPPY utterance scored under the minimum confidence and not calm:
   *                 no evidence either way, so it neither extends nor breaks a negative run (false
   *                 in state written before this field existed, which keeps the old behaviour)
   */
  public record Seen(String utteranceId, EmotionLabel label, double negativity, long endMs, boolean holdsRun) {
    Evidence evidence() {
      return new Evidence(utteranceId, label, endMs);
    }
  }

  /**
   * An alert that is open.
   *
   * @param alertId        shared by its OPENED and RESOLVED events
   * @param rule           CONSECUTIVE_NEGATIVE or NEGATIVE_EWMA
   * @param critical       whether it was opened as CRITICAL
   * @param openedAt       event time (epoch ms) of the utterance that opened it
   * @param openedAtCallMs call time it opened at
   * @param channel        audio channel of the speaker
   * @param tenant         call's tenant, or null
   * @param agentId        call's agent, or null
   * @param queue          call's queue, or null
   */
  public record OpenEpisode(String alertId, String rule, boolean critical, long openedAt,
      long openedAtCallMs, int channel, String tenant, String agentId, String queue) {}

  public AlertState {
    negativeRun = negativeRun == null ? List.of() : List.copyOf(negativeRun);
    aboveEvidence = aboveEvidence == null ? List.of() : List.copyOf(aboveEvidence);
    belowEvidence = belowEvidence == null ? List.of() : List.copyOf(belowEvidence);
    // Null in state written before calm runs were tracked.
    calmRun = calmRun == null ? List.of() : List.copyOf(calmRun);
    recent = recent == null ? List.of() : List.copyOf(recent);
  }

  /** Before any utterance of the role. */
  public static AlertState initial() {
    return new AlertState(0, 0, List.of(), null, List.of(), 0, null, null, List.of(), Long.MIN_VALUE, 0,
        List.of(), List.of());
  }

  /** This state with only the time of the last utterance moved on. */
  AlertState seenAt(long endMs) {
    return new AlertState(count, ewmaNegative, negativeRun, aboveSinceMs, aboveEvidence, episodes, open,
        belowSinceMs, belowEvidence, cooldownUntilMs, Math.max(lastEndMs, endMs), calmRun, recent);
  }
}
