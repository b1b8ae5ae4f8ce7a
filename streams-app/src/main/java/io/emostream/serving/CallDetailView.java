package io.emostream.serving;

import io.emostream.timeline.TimelineAlert;
import io.emostream.timeline.TimelineSummary;
import io.emostream.timeline.TimelineUtterance;
import java.util.List;

/**
 * One call as {@code /api/calls/{id}} returns it: the call with its rollups and open alerts,
 * plus its recent scored utterances and alert events, oldest first (bounded per call), and once
 * the call has ended its summary (null before, or when the summary was not seen).
 */
public record CallDetailView(CallView call, List<TimelineUtterance> utterances, List<TimelineAlert> alerts,
    TimelineSummary summary) {

  public CallDetailView {
    utterances = List.copyOf(utterances);
    alerts = List.copyOf(alerts);
  }
}
