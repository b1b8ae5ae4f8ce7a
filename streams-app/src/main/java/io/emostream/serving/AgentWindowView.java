package io.emostream.serving;

import io.emostream.avro.GroupEmotionWindow;
import io.emostream.avro.LabelCounts;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One agent's hopping window (possibly still open) from {@code emotion-agent-windows}.
 *
 * @param agentId               the agent
 * @param tenant                tenant of the agent's utterances, or null
 * @param windowStart           epoch ms, inclusive
 * @param windowEnd             epoch ms, exclusive
 * @param utteranceCount        utterances in the window (both roles)
 * @param callCount             distinct calls
 * @param labelCounts           utterances per label (NEUTRAL, HAPPY, ANGRY, SAD)
 * @param meanValence           over all utterances
 * @param negativeShare         share labelled ANGRY or SAD
 * @param customerMeanValence   over customer utterances
 * @param customerNegativeShare share of customer utterances labelled ANGRY or SAD
 */
public record AgentWindowView(String agentId, String tenant, long windowStart, long windowEnd, long utteranceCount,
    long callCount, Map<String, Long> labelCounts, double meanValence, double negativeShare,
    double customerMeanValence, double customerNegativeShare) {

  /** The view of a published or in-progress window. */
  public static AgentWindowView of(GroupEmotionWindow w) {
    LabelCounts c = w.getLabelCounts();
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("NEUTRAL", c.getNeutral());
    counts.put("HAPPY", c.getHappy());
    counts.put("ANGRY", c.getAngry());
    counts.put("SAD", c.getSad());
    return new AgentWindowView(w.getGroupId(), w.getTenant(), w.getWindowStart().toEpochMilli(),
        w.getWindowEnd().toEpochMilli(), w.getUtteranceCount(), w.getCallCount(), counts, w.getMeanValence(),
        w.getNegativeShare(), w.getCustomerMeanValence(), w.getCustomerNegativeShare());
  }
}
