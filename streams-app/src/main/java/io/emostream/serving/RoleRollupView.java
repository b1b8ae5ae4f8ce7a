package io.emostream.serving;

import io.emostream.rollups.CallRollupState;
import java.util.List;

/**
 * The latest rollup of one role in one call, as {@code /api/calls/*} returns it.
 *
 * @param role                AGENT, CUSTOMER or UNKNOWN
 * @param utteranceCount      utterances scored so far
 * @param ewmaValence         EWMA of valence
 * @param ewmaArousal         EWMA of arousal
 * @param ewmaNegative        EWMA of ANGRY plus SAD probability
 * @param windowMeanValence   mean valence over the recent window
 * @param windowNegativeShare share of the recent window labelled ANGRY or SAD
 * @param trendSlope          valence slope per utterance over the recent window
 * @param lastUtteranceId     the latest utterance, or null before the first
 * @param lastLabel           its label, or null
 * @param lastValence         its valence (0 before the first)
 */
public record RoleRollupView(String role, long utteranceCount, double ewmaValence, double ewmaArousal,
    double ewmaNegative, double windowMeanValence, double windowNegativeShare, double trendSlope,
    String lastUtteranceId, String lastLabel, double lastValence) {

  /** The view of {@code state} for {@code role}. */
  public static RoleRollupView of(String role, CallRollupState state) {
    List<CallRollupState.Recent> recent = state.recent();
    CallRollupState.Recent last = recent.isEmpty() ? null : recent.get(recent.size() - 1);
    return new RoleRollupView(role, state.count(), state.ewmaValence(), state.ewmaArousal(), state.ewmaNegative(),
        state.windowMeanValence(), state.windowNegativeShare(), state.trendSlope(),
        last == null ? null : last.utteranceId(), last == null ? null : last.label().name(),
        last == null ? 0.0 : last.valence());
  }
}
