package io.emostream.serving;

import java.util.Comparator;
import java.util.List;

/** Picks the window that best describes an agent now, out of its overlapping hopping windows. */
final class AgentWindows {

  private AgentWindows() {}

  /**
   * The window covering the most recent activity over the longest span: among the windows that
   * overlap the newest one, the one that started first (a full window back from now, where the
   * newest window holds only the last hop).
   *
   * @param windows one agent's windows, not empty
   */
  static AgentWindowView current(List<AgentWindowView> windows) {
    AgentWindowView newest = windows.stream().max(Comparator.comparingLong(AgentWindowView::windowStart))
        .orElseThrow(() -> new IllegalArgumentException("no windows"));
    return windows.stream()
        .filter(w -> w.windowEnd() > newest.windowStart())
        .min(Comparator.comparingLong(AgentWindowView::windowStart))
        .orElse(newest);
  }

  /** The agent's current window and all its windows, newest first. */
  static AgentDetailView detail(String agentId, List<AgentWindowView> windows) {
    List<AgentWindowView> newestFirst = windows.stream()
        .sorted(Comparator.comparingLong(AgentWindowView::windowStart).reversed()).toList();
    return new AgentDetailView(agentId, current(windows), newestFirst);
  }
}
